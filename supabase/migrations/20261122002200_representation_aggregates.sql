-- Aggregates for the representation dashboard and weighted results, counted in the database.
--
-- Why security definer: the row policies on responses, answers and demographic_answers call a
-- membership check per row, which is right for reading rows but makes counting a million of
-- them take seconds. These functions check the caller's role once, exactly as those policies
-- would (owners, organizers and analysts of the community), and then count without per-row
-- checks. Anyone else gets no rows, as the policies would give them.
--
-- Lists arrive as jsonb arrays: both of the app's drivers pass JSON text alike, arrays not.

-- Participants of a community's questionnaire responses by channel and language, and by answer
-- on each demographic dimension (dimension and value null on the rows counting everyone).
-- target_questionnaire and target_channel narrow the count when given.
create function public.response_participant_counts(
  target_community uuid,
  target_questionnaire uuid default null,
  target_channel public.response_channel default null
) returns table (channel text, language text, dimension text, value text, participants int)
  language plpgsql stable security definer set search_path = ''
  as $$
  begin
    if not public.has_community_role(target_community, '{owner,organizer,analyst}') then
      return;
    end if;
    return query
      with picked as (
        select r.id, r.channel, r.language from public.responses r
        where r.community_id = target_community
          and (target_questionnaire is null or r.questionnaire_id = target_questionnaire)
          and (target_channel is null or r.channel = target_channel)
      )
      select p.channel::text, p.language::text, null::text, null::text, count(*)::int
      from picked p group by p.channel, p.language
      union all
      select p.channel::text, p.language::text, d.dimension, d.value, count(*)::int
      from picked p join public.demographic_answers d on d.response_id = p.id
      group by p.channel, p.language, d.dimension, d.value;
  end
  $$;

-- A questionnaire's answers counted per question (key: the question id, or 'dimension:<name>'
-- for demographic answers), answer and cell, plus one row per cell with key 'respondents'
-- counting the responses themselves. The cell is the respondent's values on up to three
-- weighting dimensions, null where they did not say. Only the responses the filter picks:
--   {"channel": "...", "language": "...", "demographics": {"<dimension>": "<value>", ...}}
create function public.answer_tallies(
  target_questionnaire uuid,
  weighting jsonb,
  filter jsonb,
  question_ids jsonb,
  demographic_dimensions jsonb
) returns table (key text, value jsonb, cell text[], count int)
  language plpgsql stable security definer set search_path = ''
  as $$
  declare
    dims text[] := array(select jsonb_array_elements_text(coalesce(weighting, '[]')));
    width int := coalesce(cardinality(dims), 0);
    questions uuid[] := array(select jsonb_array_elements_text(coalesce(question_ids, '[]'))::uuid);
    dimensions text[] := array(select jsonb_array_elements_text(coalesce(demographic_dimensions, '[]')));
  begin
    if width > 3 then
      raise exception 'at most three weighting dimensions' using errcode = '22023';
    end if;
    if not exists (
      select 1 from public.questionnaires q
      where q.id = target_questionnaire
        and public.has_community_role(q.community_id, '{owner,organizer,analyst}')
    ) then
      return;
    end if;
    return query
      with picked as materialized (
        select r.id,
          (array[nullif(d1.value, 'prefer_not_to_say'), nullif(d2.value, 'prefer_not_to_say'),
            nullif(d3.value, 'prefer_not_to_say')])[1:width] as cell
        from public.responses r
        left join public.demographic_answers d1 on d1.response_id = r.id and d1.dimension = dims[1]
        left join public.demographic_answers d2 on d2.response_id = r.id and d2.dimension = dims[2]
        left join public.demographic_answers d3 on d3.response_id = r.id and d3.dimension = dims[3]
        where r.questionnaire_id = target_questionnaire
          and (filter ->> 'channel' is null or r.channel::text = filter ->> 'channel')
          and (filter ->> 'language' is null or r.language::text = filter ->> 'language')
          and not exists (
            select 1 from jsonb_each_text(coalesce(filter -> 'demographics', '{}')) f
            where not exists (
              select 1 from public.demographic_answers x
              where x.response_id = r.id and x.dimension = f.key and x.value = f.value
            )
          )
      )
      select 'respondents', null::jsonb, p.cell, count(*)::int from picked p group by p.cell
      union all
      select a.question_id::text, a.value, p.cell, count(*)::int
      from picked p join public.answers a on a.response_id = p.id
      where a.question_id = any (questions)
      group by a.question_id, a.value, p.cell
      union all
      select 'dimension:' || d.dimension, to_jsonb(d.value), p.cell, count(*)::int
      from picked p join public.demographic_answers d on d.response_id = p.id
      where d.dimension = any (dimensions)
      group by d.dimension, d.value, p.cell;
  end
  $$;

revoke execute on function public.response_participant_counts(uuid, uuid, public.response_channel),
  public.answer_tallies(uuid, jsonb, jsonb, jsonb, jsonb) from public, anon;
grant execute on function public.response_participant_counts(uuid, uuid, public.response_channel),
  public.answer_tallies(uuid, jsonb, jsonb, jsonb, jsonb) to authenticated, service_role;
