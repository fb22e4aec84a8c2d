-- A stamp that changes whenever what residents answer changes: the questionnaire's title or
-- introduction, or any of its sections or questions. The server keeps parsed definitions in
-- memory keyed by questionnaire id and this stamp, and reads the stamp in the same transaction
-- as each use, so an edit (from any instance, or straight in SQL) is never answered with stale
-- rules. A random uuid rather than a counter: a questionnaire deleted and made again with the
-- same id, or the same id in another database, never repeats an earlier stamp.

alter table public.questionnaires
  add column definition_version uuid not null default gen_random_uuid();

create function public.questionnaire_definition_changed() returns trigger
  language plpgsql set search_path = ''
  as $$
  begin
    if (new.title, new.intro) is distinct from (old.title, old.intro) then
      new.definition_version := gen_random_uuid();
    end if;
    return new;
  end
  $$;

create trigger questionnaire_definition_changed
  before update of title, intro on public.questionnaires
  for each row execute function public.questionnaire_definition_changed();

-- security definer: the stamp changes whoever changed the section or question (an organizer
-- under RLS, the service role, a migration), without needing a grant of its own.
create function public.questionnaire_content_changed() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    -- a section or question never moves to another questionnaire
    update public.questionnaires set definition_version = gen_random_uuid()
    where id = case when tg_op = 'DELETE' then old.questionnaire_id else new.questionnaire_id end;
    return null;
  end
  $$;

create trigger questionnaire_sections_changed
  after insert or update or delete on public.questionnaire_sections
  for each row execute function public.questionnaire_content_changed();

create trigger questions_changed
  after insert or update or delete on public.questions
  for each row execute function public.questionnaire_content_changed();
