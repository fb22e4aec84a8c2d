-- New answers take a counted response out of the running counts (20261123000000) with one check
-- per statement instead of one trigger call per answer row: responses are saved a dozen answers
-- at a time, and the row triggers cost more than the inserts. Only a response already counted
-- (never a new one, nor one whose answers were just deleted for a change) has anything to undo.
-- Changes and deletions of answers keep their row triggers: those must run before the row goes.

drop trigger uncount_answered_response on public.answers;
drop trigger uncount_answered_response on public.demographic_answers;
create trigger uncount_answered_response
  before update or delete on public.answers
  for each row execute function public.uncount_answered_response();
create trigger uncount_answered_response
  before update or delete on public.demographic_answers
  for each row execute function public.uncount_answered_response();

-- What a counted response counted is its answers before this statement: all but the new ones
-- (an answer's key is its response and question, so a new row never replaces an old one).
create function public.uncount_on_new_answers() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    target record;
  begin
    for target in
      select distinct r.id, r.profile_id
      from inserted i join public.responses r on r.id = i.response_id
      where r.profile_id is not null
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

-- New demographic answers change the profile only: the answers it counted are all still there.
create function public.uncount_on_new_demographics() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    target record;
  begin
    for target in
      select distinct r.id, r.profile_id
      from inserted i join public.responses r on r.id = i.response_id
      where r.profile_id is not null
    loop
      perform public.uncount_response(target.id, target.profile_id);
      update public.responses set profile_id = null where id = target.id;
    end loop;
    return null;
  end
  $$;

create trigger uncount_on_new_answers
  after insert on public.answers referencing new table as inserted
  for each statement execute function public.uncount_on_new_answers();
create trigger uncount_on_new_demographics
  after insert on public.demographic_answers referencing new table as inserted
  for each statement execute function public.uncount_on_new_demographics();

revoke execute on function public.uncount_on_new_answers(), public.uncount_on_new_demographics()
  from public, anon, authenticated;
