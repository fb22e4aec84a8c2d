-- Session notes are items of the coding queue (item key 'note:<note id>'). Codings keep a
-- foreign key to an answer's response so they go with it; a note has no response, so deleting
-- a note takes its codings, history, sample place and rejected suggestions with it here.

create function public.forget_note_codings() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    key text := 'note:' || old.id;
  begin
    delete from public.codings where item_key = key;
    delete from public.coding_events where item_key = key;
    delete from public.coding_samples where item_key = key;
    delete from public.suggestion_rejections where item_key = key;
    return old;
  end
  $$;

create trigger session_notes_forget_codings
  after delete on public.session_notes
  for each row execute function public.forget_note_codings();
