-- save_responses (20261123002000), for saving a batch in one round trip and at half the cost.
--
-- 1. It checks, when asked, that each questionnaire's definition is still the one the
--    submissions were checked against, so that the server can check them against the
--    definition it holds in memory and then save them in one round trip, without first reading
--    the questionnaire in the same transaction (src/lib/server/questionnaires/
--    submit-grouped.ts). A submission may carry "version" (questionnaires.definition_version);
--    if the definition has changed since, the submissions to that questionnaire are answered
--    'stale' and nothing of them is saved: the server reads the questionnaire again and checks
--    them anew. Submissions without "version" are saved as before.
-- 2. It counts the new responses it saves itself (one alone too), from the submissions, as it inserts them,
--    instead of leaving them to the commit-time count (20261123003000), which read every new
--    response's answers back and updated each response row to mark it counted. Measured on
--    PGlite, that count was about as much work as the save. For that, a response's answers and
--    demographic answers may be inserted before the response itself within a statement block:
--    their foreign keys to responses become deferrable (still checked at once unless deferred,
--    as before).

alter table public.answers alter constraint answers_response_id_fkey deferrable initially immediate;
alter table public.demographic_answers
  alter constraint demographic_answers_response_id_fkey deferrable initially immediate;

create or replace function public.save_responses(submissions jsonb) returns text[]
  language plpgsql security definer set search_path = ''
  as $$
  declare
    outcomes text[] := '{}';
    open_questionnaires uuid[];
    stale_questionnaires uuid[];
    fresh bigint[];
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

    -- New ids, first time in the batch, to questionnaires taking answers now; a submission
    -- alone too, now that these statements count it (save_response, which leaves it to the
    -- commit-time count, was measured 2.5 times slower for one).
    select coalesce(array_agg(f.n), '{}') into fresh
    from (
      select distinct on ((e.s ->> 'id')::uuid) e.n, (e.s ->> 'id')::uuid as id, (e.s ->> 'questionnaire')::uuid as questionnaire_id
      from jsonb_array_elements(submissions) with ordinality as e(s, n)
      order by (e.s ->> 'id')::uuid, e.n
    ) f
    where f.questionnaire_id = any(open_questionnaires)
      and not exists (select 1 from public.responses r where r.id = f.id);

    -- New responses are counted here, from the submissions themselves, as they are inserted,
    -- instead of at commit from the rows just written (count_pending_responses): their answers
    -- and demographic answers go in first (their foreign keys checked at the end of this
    -- block, once the responses are in), so that the responses are inserted already counted,
    -- with their profile, and nothing reads them back or updates them. A key already taken (a
    -- response saved meanwhile by another transaction, or a receipt code in use) fails the
    -- whole call: the server saves the submissions again (in a new transaction, where a
    -- response saved meanwhile is seen and goes through save_response). Catching it here
    -- would cost a subtransaction on every call, for a race PGlite never has.
    set constraints public.answers_response_id_fkey, public.demographic_answers_response_id_fkey deferred;
    insert into public.answers (response_id, question_id, value)
    select (e.s ->> 'id')::uuid, a.k::uuid, a.v
    from jsonb_array_elements(submissions) with ordinality as e(s, n), jsonb_each(e.s -> 'answers') as a(k, v)
    where e.n = any(fresh);
    insert into public.demographic_answers (response_id, dimension, value)
    select (e.s ->> 'id')::uuid, d.k, d.v
    from jsonb_array_elements(submissions) with ordinality as e(s, n), jsonb_each_text(e.s -> 'demographics') as d(k, v)
    where e.n = any(fresh);

    with profiled as (
      select e.n, e.s, (e.s ->> 'id')::uuid as id, q.id as questionnaire_id, q.community_id,
        (e.s ->> 'channel')::public.response_channel as channel,
        (e.s ->> 'language')::public.content_language as language,
        -- as count_pending_responses builds it from the rows: dimension → value as text
        coalesce(
          (select jsonb_object_agg(d.k, d.v) from jsonb_each_text(e.s -> 'demographics') as d(k, v)),
          '{}'
        ) as demographics
      from jsonb_array_elements(submissions) with ordinality as e(s, n)
        join public.questionnaires q on q.id = (e.s ->> 'questionnaire')::uuid
      where e.n = any(fresh)
    ),
    profiles as (
      insert into public.response_profiles as p
        (questionnaire_id, community_id, channel, language, demographics, respondents)
      select questionnaire_id, community_id, channel, language, demographics, count(*)
      from profiled
      group by questionnaire_id, community_id, channel, language, demographics
      order by questionnaire_id, channel, language, demographics
      on conflict (questionnaire_id, channel, language, demographics)
        do update set respondents = p.respondents + excluded.respondents
      returning p.id, p.questionnaire_id, p.channel, p.language, p.demographics
    ),
    inserted as (
      insert into public.responses
        (id, questionnaire_id, community_id, channel, language, receipt_hash, profile_id)
      select f.id, f.questionnaire_id, f.community_id, f.channel, f.language, f.s ->> 'receipt', p.id
      from profiled f join profiles p
        on p.questionnaire_id = f.questionnaire_id and p.channel = f.channel
        and p.language = f.language and p.demographics = f.demographics
      order by f.n
      returning id
    )
    insert into public.profile_answer_counts as c (profile_id, question_id, value, responses)
    select p.id, a.k::uuid, public.counted_answer_value(q.type, a.v), count(*)
    from profiled f
      join profiles p
        on p.questionnaire_id = f.questionnaire_id and p.channel = f.channel
        and p.language = f.language and p.demographics = f.demographics
      cross join jsonb_each(f.s -> 'answers') as a(k, v)
      join public.questions q on q.id = a.k::uuid
    where f.id in (select id from inserted)
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (profile_id, question_id, value) do update set responses = c.responses + excluded.responses;
    set constraints public.answers_response_id_fkey, public.demographic_answers_response_id_fkey immediate;

    for item in select e.n, e.s from jsonb_array_elements(submissions) with ordinality as e(s, n) order by e.n loop
      outcomes := outcomes || case
        when item.n = any(fresh) then 'created'
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

