-- A live vote at an event is a vote round attached to the event: ballots cast from the event's
-- page go through public.cast_ballot with channel 'event', and the presenter screen shows the
-- round's standing. A round belongs to at most one event; deleting the event keeps the round.

alter table public.vote_rounds
  add column event_id uuid references public.events (id) on delete set null;
create index vote_rounds_event_idx on public.vote_rounds (event_id) where event_id is not null;

-- A round and its event must be of the same community (a check constraint cannot look at
-- another table).
create function public.vote_round_event_same_community() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if new.event_id is not null and not exists (
      select 1 from public.events e where e.id = new.event_id and e.community_id = new.community_id
    ) then
      raise exception 'the event is not of this round''s community' using errcode = 'P0001', hint = 'event_community';
    end if;
    return new;
  end
  $$;

create trigger vote_rounds_event_same_community
  before insert or update of event_id, community_id on public.vote_rounds
  for each row execute function public.vote_round_event_same_community();
