-- The latest written answers (or "other, please specify" answers) to one question in a filtered
-- view of a questionnaire's results, newest first cut at how_many, returned oldest first.
--
-- Why security definer: as the aggregates of 20261122002200, to check the caller's role once
-- (owners, organizers and analysts of the community, as the row policies on answers would)
-- instead of once per answer read; with a million responses the per-row checks cost more than
-- everything else on the results page. The filter is the one public.answer_tallies reads
--   {"channel": "...", "language": "...", "demographics": {"<dimension>": "<value>", ...}}
-- and is applied through the running counts' profiles (one small set of ids), not per response.
create function public.latest_answer_texts(
  target_questionnaire uuid,
  target_question uuid,
  filter jsonb,
  other_only boolean,
  how_many int
) returns table (value jsonb, language text)
  language plpgsql stable security definer set search_path = ''
  as $$
  declare
    narrowed boolean := coalesce(filter ->> 'channel', filter ->> 'language') is not null
      or coalesce(filter -> 'demographics', '{}') <> '{}';
  begin
    if not exists (
      select 1 from public.questions q join public.questionnaires n on n.id = q.questionnaire_id
      where q.id = target_question and n.id = target_questionnaire
        and public.has_community_role(n.community_id, '{owner,organizer,analyst}')
    ) then
      return;
    end if;
    -- built per call so that the "other" condition matches the partial index answers_other_idx
    return query execute format(
      $query$
      select t.value, t.language::text from (
        select a.value, r.language, r.submitted_at
        from public.answers a join public.responses r on r.id = a.response_id
        where a.question_id = $1 and r.questionnaire_id = $2 %s %s
        order by r.submitted_at desc
        limit $4
      ) t order by t.submitted_at
      $query$,
      case when other_only then $other$and jsonb_typeof(a.value) = 'object' and a.value ? 'other'$other$ else '' end,
      case when narrowed then $filter$and r.profile_id in (
        select p.id from public.response_profiles p
        where p.questionnaire_id = $2
          and ($3 ->> 'channel' is null or p.channel::text = $3 ->> 'channel')
          and ($3 ->> 'language' is null or p.language::text = $3 ->> 'language')
          and p.demographics @> coalesce($3 -> 'demographics', '{}'))$filter$ else '' end
    ) using target_question, target_questionnaire, filter, how_many;
  end
  $$;

revoke execute on function public.latest_answer_texts(uuid, uuid, jsonb, boolean, int) from public, anon;
grant execute on function public.latest_answer_texts(uuid, uuid, jsonb, boolean, int) to authenticated, service_role;
