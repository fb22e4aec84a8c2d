-- Several validated responses saved in one call, for group commit: submissions that arrive
-- while another transaction is committing are written together, in one transaction, by one
-- statement (src/lib/server/db/group-commit.ts). Each is saved exactly as save_response saves
-- one (same receipt rules, same checks), in the order given; a questionnaire that is not
-- taking answers any more gives 'closed' for its submissions instead of an error, so that one
-- late submission does not undo the others. Any other refusal (a receipt code held by another
-- response, an unknown question) fails the whole call: the server then saves the submissions
-- one by one, each with its own outcome.
-- submissions: [{ id, questionnaire, channel, language, receipt (hash), answers, demographics }]
-- Returns one outcome per submission, in order: 'created', 'updated', 'duplicate' or 'closed'.
-- New responses (the usual case) are written set-based, three inserts for all of them; the
-- others (a retry, a change through the receipt code, an id twice in one batch) and a
-- submission alone go through save_response one at a time, after them, so each sees what the
-- ones before it wrote.
-- Security definer like save_response, for the same reason: anyone may save a response, only
-- through here.
create function public.save_responses(submissions jsonb) returns text[]
  language plpgsql security definer set search_path = ''
  as $$
  declare
    outcomes text[] := '{}';
    open_questionnaires uuid[];
    fresh bigint[];
    created uuid[];
    item record;
  begin
    select coalesce(array_agg(o.id), '{}') into open_questionnaires
    from (select distinct (e.s ->> 'questionnaire')::uuid as id from jsonb_array_elements(submissions) as e(s)) o
    where public.questionnaire_is_open(o.id);
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
        else 'closed'
      end;
    end loop;
    return outcomes;
  end
  $$;

revoke execute on function public.save_responses(jsonb) from public;
grant execute on function public.save_responses(jsonb) to anon, authenticated;
