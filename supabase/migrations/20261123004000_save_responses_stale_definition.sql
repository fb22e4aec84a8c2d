-- save_responses (20261123002000) checks, when asked, that each questionnaire's definition is
-- still the one the submissions were checked against, so that the server can check them
-- against the definition it holds in memory and then save them in one round trip, without first
-- reading the questionnaire in the same transaction (src/lib/server/questionnaires/
-- submit-grouped.ts). A submission may carry "version" (questionnaires.definition_version); if
-- the definition has changed since, the submissions to that questionnaire are answered 'stale'
-- and nothing of them is saved: the server reads the questionnaire again and checks them anew.
-- Submissions without "version" are saved as before.

create or replace function public.save_responses(submissions jsonb) returns text[]
  language plpgsql security definer set search_path = ''
  as $$
  declare
    outcomes text[] := '{}';
    open_questionnaires uuid[];
    stale_questionnaires uuid[];
    fresh bigint[];
    created uuid[];
    item record;
  begin
    -- a submission may name the definition version it was checked against: taken as given by
    -- whoever sends none, refused as 'stale' (nothing saved) when the definition changed since
    select coalesce(array_agg(o.id) filter (where o.current), '{}'),
      coalesce(array_agg(o.id) filter (where not o.current), '{}')
    into open_questionnaires, stale_questionnaires
    from (
      select o.id, bool_and(o.version is null or o.version = q.definition_version::text) as current
      from (
        select distinct (e.s ->> 'questionnaire')::uuid as id, e.s ->> 'version' as version
        from jsonb_array_elements(submissions) as e(s)
      ) o
      join public.questionnaires q on q.id = o.id
      where public.questionnaire_is_open(o.id)
      group by o.id
    ) o;
    -- as save_response: a closed questionnaire's submissions are closed, whatever they hold
    if exists (
      select 1
      from jsonb_array_elements(submissions) as e(s), jsonb_object_keys(e.s -> 'answers') as k
      where (e.s ->> 'questionnaire')::uuid = any(open_questionnaires) and not exists (
        select 1 from public.questions q
        where q.id::text = k and q.questionnaire_id = (e.s ->> 'questionnaire')::uuid
      )
    ) then
      raise exception 'an answer names a question of another questionnaire' using errcode = 'P0001', hint = 'unknown_question';
    end if;

    -- New ids, first time in the batch, to questionnaires taking answers now. (One submission
    -- alone goes through save_response: the set-based statements cost more for one.)
    select coalesce(array_agg(f.n), '{}') into fresh
    from (
      select distinct on ((e.s ->> 'id')::uuid) e.n, (e.s ->> 'id')::uuid as id, (e.s ->> 'questionnaire')::uuid as questionnaire_id
      from jsonb_array_elements(submissions) with ordinality as e(s, n)
      order by (e.s ->> 'id')::uuid, e.n
    ) f
    where f.questionnaire_id = any(open_questionnaires)
      and not exists (select 1 from public.responses r where r.id = f.id)
      and jsonb_array_length(submissions) > 1;

    with inserted as (
      insert into public.responses (id, questionnaire_id, community_id, channel, language, receipt_hash)
      select (e.s ->> 'id')::uuid, q.id, q.community_id, (e.s ->> 'channel')::public.response_channel,
        (e.s ->> 'language')::public.content_language, e.s ->> 'receipt'
      from jsonb_array_elements(submissions) with ordinality as e(s, n)
        join public.questionnaires q on q.id = (e.s ->> 'questionnaire')::uuid
      where e.n = any(fresh)
      order by e.n
      -- saved meanwhile by another transaction: a retry, as in save_response
      on conflict (id) do nothing
      returning id
    )
    select coalesce(array_agg(id), '{}') into created from inserted;

    insert into public.answers (response_id, question_id, value)
    select (e.s ->> 'id')::uuid, a.k::uuid, a.v
    from jsonb_array_elements(submissions) with ordinality as e(s, n), jsonb_each(e.s -> 'answers') as a(k, v)
    where e.n = any(fresh) and (e.s ->> 'id')::uuid = any(created);
    insert into public.demographic_answers (response_id, dimension, value)
    select (e.s ->> 'id')::uuid, d.k, d.v
    from jsonb_array_elements(submissions) with ordinality as e(s, n), jsonb_each_text(e.s -> 'demographics') as d(k, v)
    where e.n = any(fresh) and (e.s ->> 'id')::uuid = any(created);

    for item in select e.n, e.s from jsonb_array_elements(submissions) with ordinality as e(s, n) order by e.n loop
      outcomes := outcomes || case
        when item.n = any(fresh) then
          case when (item.s ->> 'id')::uuid = any(created) then 'created' else 'duplicate' end
        when (item.s ->> 'questionnaire')::uuid = any(open_questionnaires) then public.save_response(
          (item.s ->> 'id')::uuid,
          (item.s ->> 'questionnaire')::uuid,
          (item.s ->> 'channel')::public.response_channel,
          (item.s ->> 'language')::public.content_language,
          item.s ->> 'receipt',
          item.s -> 'answers',
          item.s -> 'demographics'
        )
        when (item.s ->> 'questionnaire')::uuid = any(stale_questionnaires) then 'stale'
        else 'closed'
      end;
    end loop;
    return outcomes;
  end
  $$;

