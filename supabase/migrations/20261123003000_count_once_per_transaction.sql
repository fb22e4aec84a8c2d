-- Keeping the running counts (20261123000000, …0300, …0400) cheaper per response, and as cheap
-- at the ten-thousandth response as at the first. Measured on PGlite with batches of twenty
-- responses: the counting part of a batch went from 10 ms at 1,200 stored responses to 37 ms at
-- 9,600 (it grew with every response stored), and the whole batch from 19 to 53 ms.
--
-- 1. The commit-time count runs once per transaction instead of being queued for every response
--    row. A deferred constraint trigger can only be a row trigger, so the one on responses was
--    queued for each response saved: of twenty calls, the first counted all twenty and the others
--    looked up their row to find it counted, which cost about as much as the counting itself.
--    Now a statement trigger on responses writes one marker row per transaction when a statement
--    left a response uncounted, and the deferred trigger sits on the marker: one call at commit,
--    which counts every uncounted response (as before), then removes the marker, so the table
--    stays empty between transactions.
-- 2. count_pending_responses() plans its statements for the responses at hand each time. Its
--    PL/pgSQL statements were cached with a generic plan after five calls, and the generic plan
--    for "these few responses" joined every answer ever stored.
-- 3. The same function reads the uncounted responses by a plain index scan, not a bitmap scan.
--    The partial index keeps an entry for each response's uncounted version until VACUUM, and
--    PGlite has no autovacuum; a plain index scan marks such entries dead as it passes, so later
--    scans skip them, where a bitmap scan visited every one of them again each time.
-- 4. New answers look up each response by its key. A join with the statement's new rows was
--    planned without knowing how few they are, as a scan of every response.
-- 5. counted_answer_value() can be inlined into the statements that call it (no SET clause; its
--    names are schema-qualified instead), rather than called once per answer.

create table public.response_count_markers (
  -- the transaction whose responses are to be counted at its commit
  xact xid8 primary key
);
alter table public.response_count_markers enable row level security;
-- Only the triggers below (security definer) write it; nobody reads it.
revoke all on public.response_count_markers from anon, authenticated;

drop trigger count_response_at_commit on public.responses;
drop function public.count_response_at_commit();

create function public.mark_responses_to_count() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if exists (select 1 from changed where profile_id is null) then
      insert into public.response_count_markers (xact) values (pg_current_xact_id())
      on conflict do nothing;
    end if;
    return null;
  end
  $$;

-- Transition tables allow one event per trigger: one for inserts, one for updates (a change of
-- channel or language, or new answers, clears profile_id with an update).
create trigger mark_inserted_responses_to_count
  after insert on public.responses referencing new table as changed
  for each statement execute function public.mark_responses_to_count();
create trigger mark_updated_responses_to_count
  after update on public.responses referencing new table as changed
  for each statement execute function public.mark_responses_to_count();

create function public.count_marked_responses() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    -- Deleted first: counting updates responses, and a marker still here would be kept by the
    -- statement trigger's "on conflict do nothing" instead of queueing another count.
    delete from public.response_count_markers where xact = new.xact;
    perform public.count_pending_responses();
    return null;
  end
  $$;

create constraint trigger count_marked_responses
  after insert on public.response_count_markers
  deferrable initially deferred
  for each row execute function public.count_marked_responses();

revoke execute on function public.mark_responses_to_count(), public.count_marked_responses()
  from public, anon, authenticated;

alter function public.count_pending_responses()
  set plan_cache_mode = force_custom_plan;
alter function public.count_pending_responses()
  set enable_bitmapscan = off;

create or replace function public.counted_answer_value(question_type public.question_type, answer jsonb)
  returns jsonb
  language sql immutable
  as $$
    select case
      when question_type in ('short_text'::public.question_type, 'long_text'::public.question_type)
        then '""'::pg_catalog.jsonb
      when pg_catalog.jsonb_typeof(answer) = 'object' and answer operator(pg_catalog.?) 'other'
        then pg_catalog.jsonb_set(answer, '{other}', '""')
      else answer
    end
  $$;

-- Which of these responses are counted, and in which profile: each looked up by its key (a
-- join would be planned without knowing how few they are, as a scan of every response).
create function public.counted_responses_among(response_ids uuid[])
  returns table (id uuid, profile_id bigint)
  language sql stable set search_path = ''
  as $$
    select c.id, c.profile_id from (
      select i.id, (select r.profile_id from public.responses r where r.id = i.id) as profile_id
      from unnest(response_ids) as i (id)
    ) c
    where c.profile_id is not null
  $$;
revoke execute on function public.counted_responses_among(uuid[]) from public, anon, authenticated;

create or replace function public.uncount_on_new_answers() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    target record;
  begin
    for target in
      select * from public.counted_responses_among(array(select distinct response_id from inserted))
    loop
      update public.response_profiles set respondents = respondents - 1 where id = target.profile_id;
      update public.profile_answer_counts c set responses = c.responses - 1
      from public.answers a join public.questions q on q.id = a.question_id
      where a.response_id = target.id and c.profile_id = target.profile_id
        and c.question_id = a.question_id and c.value = public.counted_answer_value(q.type, a.value)
        and not exists (
          select 1 from inserted i where i.response_id = a.response_id and i.question_id = a.question_id
        );
      update public.responses set profile_id = null where id = target.id;
    end loop;
    return null;
  end
  $$;

create or replace function public.uncount_on_new_demographics() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    target record;
  begin
    for target in
      select * from public.counted_responses_among(array(select distinct response_id from inserted))
    loop
      perform public.uncount_response(target.id, target.profile_id);
      update public.responses set profile_id = null where id = target.id;
    end loop;
    return null;
  end
  $$;
