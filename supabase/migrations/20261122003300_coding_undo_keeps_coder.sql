-- Undoing the removal of a theme puts the coding back as it was: in the name of the person who
-- coded it, with their date. A removal event keeps what it removed; the insert policy on codings
-- only lets people code as themselves, so putting back someone else's coding goes through this
-- function, which allows it only for the person whose removal it was.

alter table public.coding_events
  add column previous_coder_id uuid references public.profiles (id) on delete set null,
  add column previous_coded_at timestamptz,
  add column previous_source text check (previous_source in ('manual', 'suggestion'));

create function public.restore_removed_coding(event_id bigint) returns boolean
  language plpgsql security definer set search_path = ''
  as $$
  declare
    e public.coding_events;
  begin
    select * into e from public.coding_events where id = event_id;
    if not found or e.op <> 'remove' or e.undone_at is not null
      or e.actor_id is distinct from (select auth.uid())
      or not public.has_community_role(e.community_id, '{owner,organizer,analyst}')
    then
      raise exception 'only the person who removed a coding can put it back'
        using errcode = '42501';
    end if;
    insert into public.codings
      (community_id, item_kind, item_key, response_id, theme_id, pass, coder_id, source, coded_at)
    values (
      e.community_id, split_part(e.item_key, ':', 1), e.item_key, e.response_id, e.theme_id, e.pass,
      coalesce(e.previous_coder_id, e.actor_id), coalesce(e.previous_source, 'manual'),
      coalesce(e.previous_coded_at, now())
    )
    on conflict (item_key, theme_id, pass) do nothing;
    return found;
  end
  $$;

revoke execute on function public.restore_removed_coding(bigint) from public;
grant execute on function public.restore_removed_coding(bigint) to authenticated;
