-- The join gate of event pages (src/lib/server/events/join-event.ts) in one call: every request
-- to an event's page or form checks the address's recent joins, looks the code up and records
-- the attempt. Done as separate statements that was six round trips per request on the embedded
-- database, which runs every query of every request one after the other on one connection; a
-- hall of phones joining and voting at once queued behind them.
--
-- event_by_code becomes PL/pgSQL, with the same signature and result: a SQL function that
-- cannot be inlined (security definer) is planned again on every call, a PL/pgSQL one keeps its
-- plan for the session. It runs on every request to an event's page.
create or replace function public.event_by_code(code text)
  returns table (
    id uuid, community_id uuid, community_name jsonb, kind public.event_kind, title jsonb,
    held_on date, place text, status public.event_status, display public.event_display,
    questionnaire_slug text
  )
  language plpgsql stable security definer set search_path = ''
  as $$
  begin
    return query
    select e.id, e.community_id, c.name, e.kind, e.title, e.held_on, e.place, e.status, e.display,
      case when public.questionnaire_is_open(q.id) then q.slug end
    from public.events e
    join public.communities c on c.id = e.community_id
    left join public.questionnaires q on q.id = e.questionnaire_id
    where e.join_code = upper(event_by_code.code);
  end
  $$;

-- One request naming a join code, from an address. Gives {"limited": true} when the address
-- joined max_joins times or missed max_misses times within the last window_minutes (nothing is
-- looked up or recorded then); else {"limited": false, "event": <what event_by_code shows, or
-- null for an unknown code>}, after recording the attempt. A phone that already joined
-- (new_phone false) is not recorded again for a code that exists; a miss always is.
create function public.join_event(
  code text, address text, new_phone boolean, window_minutes integer, max_joins integer,
  max_misses integer
) returns jsonb
  language plpgsql volatile security definer set search_path = ''
  as $$
  declare
    joins integer;
    misses integer;
    found_event jsonb;
  begin
    select count(*)::int, count(*) filter (where not a.found)::int into joins, misses
    from public.event_join_attempts a
    where a.address = join_event.address
      and a.attempted_at > now() - make_interval(mins => window_minutes);
    if joins >= max_joins or misses >= max_misses then
      return jsonb_build_object('limited', true);
    end if;
    select jsonb_build_object('id', e.id, 'communityId', e.community_id,
        'communityName', e.community_name, 'kind', e.kind, 'title', e.title,
        'heldOn', to_char(e.held_on, 'YYYY-MM-DD'), 'place', e.place, 'status', e.status,
        'display', e.display, 'questionnaireSlug', e.questionnaire_slug)
      into found_event
    from public.event_by_code(join_event.code) e;
    if found_event is null or new_phone then
      insert into public.event_join_attempts (address, found)
      values (join_event.address, found_event is not null);
    end if;
    return jsonb_build_object('limited', false, 'event', found_event);
  end
  $$;

-- Only the server's own connection calls it: the address is its word, not the caller's.
revoke execute on function public.join_event(text, text, boolean, integer, integer, integer)
  from public, anon, authenticated;
grant execute on function public.join_event(text, text, boolean, integer, integer, integer)
  to service_role;
