-- answer_tallies without the joins it does not need: when no question (or no demographic
-- dimension) is asked for, as when raking only counts respondents per cell, the planner now
-- skips that branch at plan time instead of joining every answer to filter them all out.
create or replace function public.answer_tallies(
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
      where cardinality(questions) > 0 and a.question_id = any (questions)
      group by a.question_id, a.value, p.cell
      union all
      select 'dimension:' || d.dimension, to_jsonb(d.value), p.cell, count(*)::int
      from picked p join public.demographic_answers d on d.response_id = p.id
      where cardinality(dimensions) > 0 and d.dimension = any (dimensions)
      group by d.dimension, d.value, p.cell;
  end
  $$;
