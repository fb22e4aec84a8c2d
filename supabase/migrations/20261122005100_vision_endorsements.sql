-- Residents' endorsement of a published vision: agree, partly agree or disagree with the
-- statement and with each goal, and an optional comment. One response per device per
-- publication (a hash of the round and the phone's random cookie token), replaced while the
-- round is open; written only through endorse_vision. The optional short profile is stored
-- apart, as for ballots.

create type public.endorsement_answer as enum ('agree', 'partly', 'disagree');

create table public.vision_endorsements (
  id uuid primary key default gen_random_uuid(),
  publication_id uuid not null references public.vision_publications (id) on delete cascade,
  community_id uuid not null references public.communities (id) on delete cascade,
  device_hash text not null,
  language public.content_language not null,
  statement public.endorsement_answer not null,
  -- goal key → agree | partly | disagree, for the goals answered
  goals jsonb not null default '{}' check (jsonb_typeof(goals) = 'object'),
  comment text check (comment is null or length(comment) between 1 and 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (publication_id, device_hash)
);
create index vision_endorsements_community_idx on public.vision_endorsements (community_id);
alter table public.vision_endorsements enable row level security;

create table public.vision_endorsement_profiles (
  endorsement_id uuid not null references public.vision_endorsements (id) on delete cascade,
  community_id uuid not null references public.communities (id) on delete cascade,
  dimension text not null check (dimension ~ '^[a-z_]{1,40}$'),
  value text not null check (length(value) between 1 and 60),
  primary key (endorsement_id, dimension)
);
alter table public.vision_endorsement_profiles enable row level security;

revoke all on public.vision_endorsements, public.vision_endorsement_profiles from anon, authenticated;
grant select, delete on public.vision_endorsements to authenticated;
grant select on public.vision_endorsement_profiles to authenticated;
grant all on public.vision_endorsements, public.vision_endorsement_profiles to service_role;

create policy "Owners, organizers and analysts can read endorsements"
  on public.vision_endorsements for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
create policy "Owners can delete endorsements"
  on public.vision_endorsements for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner}')));
create policy "Owners, organizers and analysts can read endorsers' profiles"
  on public.vision_endorsement_profiles for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

-- Saves or replaces this device's endorsement, for anyone. The server has checked the answers'
-- shape; this checks that the publication is the community's current one, still open, and that
-- every goal named is one of its version's goals. Returns 'created' or 'replaced'.
create function public.endorse_vision(
  target_publication uuid,
  device text,
  answer_language public.content_language,
  statement_answer public.endorsement_answer,
  goal_answers jsonb,
  comment_text text,
  profile jsonb
) returns text
  language plpgsql security definer set search_path = ''
  as $$
  declare
    pub public.vision_publications;
    target uuid;
    replaced boolean;
  begin
    select * into pub from public.vision_publications where id = target_publication;
    if not found or pub.endorsement_closed_at is not null or exists (
      select 1 from public.vision_publications later
      where later.community_id = pub.community_id and later.published_at > pub.published_at
    ) then
      raise exception 'this vision is not taking endorsements' using errcode = 'P0001', hint = 'endorsement_closed';
    end if;
    if exists (
      select 1 from jsonb_each_text(goal_answers) a
      where a.value not in ('agree', 'partly', 'disagree')
        or not exists (
          select 1 from public.vision_versions v, jsonb_array_elements(v.goals) g
          where v.id = pub.version_id and g ->> 'key' = a.key
        )
    ) then
      raise exception 'an answer names a goal this vision does not have' using errcode = 'P0001', hint = 'unknown_goal';
    end if;

    select id into target from public.vision_endorsements
      where publication_id = target_publication and device_hash = device for update;
    replaced := found;
    if replaced then
      update public.vision_endorsements
        set language = answer_language, statement = statement_answer, goals = goal_answers,
          comment = comment_text, updated_at = now()
        where id = target;
      delete from public.vision_endorsement_profiles where endorsement_id = target;
    else
      insert into public.vision_endorsements (publication_id, community_id, device_hash, language, statement, goals, comment)
      values (target_publication, pub.community_id, device, answer_language, statement_answer, goal_answers, comment_text)
      returning id into target;
    end if;
    insert into public.vision_endorsement_profiles (endorsement_id, community_id, dimension, value)
    select target, pub.community_id, k, v from jsonb_each_text(profile) as e(k, v);
    return case when replaced then 'replaced' else 'created' end;
  end
  $$;

-- This device's endorsement of a publication, to show it and change it.
create function public.endorsement_by_device(target_publication uuid, device text)
  returns table (statement text, goals jsonb, comment text, profile jsonb, updated_at timestamptz)
  language sql stable security definer set search_path = ''
  as $$
    select e.statement::text, e.goals, e.comment,
      coalesce((select jsonb_object_agg(p.dimension, p.value) from public.vision_endorsement_profiles p
        where p.endorsement_id = e.id), '{}'),
      e.updated_at
    from public.vision_endorsements e
    where e.publication_id = target_publication and e.device_hash = device
  $$;

revoke execute on function public.endorse_vision(uuid, text, public.content_language, public.endorsement_answer, jsonb, text, jsonb) from public;
grant execute on function public.endorse_vision(uuid, text, public.content_language, public.endorsement_answer, jsonb, text, jsonb) to anon, authenticated;
revoke execute on function public.endorsement_by_device(uuid, text) from public;
grant execute on function public.endorsement_by_device(uuid, text) to anon, authenticated;
