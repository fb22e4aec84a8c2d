-- Endorsement comments are items of the coding queue (item key 'endorsement:<id>'), beside
-- free-text answers and session notes. Deleting an endorsement takes its codings with it.

alter table public.codings drop constraint codings_item_kind_check;
alter table public.codings add constraint codings_item_kind_check
  check (item_kind in ('answer', 'note', 'endorsement'));

create function public.forget_endorsement_codings() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    key text := 'endorsement:' || old.id;
  begin
    delete from public.codings where item_key = key;
    delete from public.coding_events where item_key = key;
    delete from public.coding_samples where item_key = key;
    delete from public.suggestion_rejections where item_key = key;
    return old;
  end
  $$;

create trigger vision_endorsements_forget_codings
  after delete on public.vision_endorsements
  for each row execute function public.forget_endorsement_codings();
