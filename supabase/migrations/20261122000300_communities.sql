-- Communities and their teams: who belongs, with which role, and what each role may do.

create type public.content_language as enum ('en', 'fr');
create type public.community_role as enum ('owner', 'organizer', 'analyst', 'volunteer');

create table public.communities (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique
    check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 60),
  -- bilingual content is data: { "en": "...", "fr": "..." }
  name jsonb not null
    check (
      jsonb_typeof(name -> 'en') = 'string' and length(name ->> 'en') between 1 and 120
      and jsonb_typeof(name -> 'fr') = 'string' and length(name ->> 'fr') between 1 and 120
    ),
  region text not null default '' check (length(region) <= 120),
  default_language public.content_language not null default 'en',
  -- small-cell suppression threshold: no public count for a group under k people
  suppression_k integer not null default 10 check (suppression_k between 5 and 1000),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
alter table public.communities enable row level security;

create table public.memberships (
  community_id uuid not null references public.communities (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.community_role not null,
  created_at timestamptz not null default now(),
  primary key (community_id, user_id)
);
create index memberships_user_id_idx on public.memberships (user_id);
alter table public.memberships enable row level security;

-- Policies call this instead of querying memberships directly, so a policy on memberships never
-- recurses into itself.
create function public.has_community_role(
  target_community uuid,
  allowed public.community_role[] default null
) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.memberships m
      where m.community_id = target_community
        and m.user_id = (select auth.uid())
        and (allowed is null or m.role = any (allowed))
    )
  $$;

create function public.shares_community_with(other_user uuid) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.memberships mine
      join public.memberships theirs on theirs.community_id = mine.community_id
      where mine.user_id = (select auth.uid()) and theirs.user_id = other_user
    )
  $$;

-- Supabase grants everything to the API roles by default; grant only what policies use.
revoke all on public.communities, public.memberships from anon, authenticated;
grant select, update, delete on public.communities to authenticated;
grant select, insert, update, delete on public.memberships to authenticated;
grant all on public.communities, public.memberships to service_role;

create policy "Members can read their communities"
  on public.communities for select to authenticated
  using ((select public.has_community_role(id)));

create policy "Owners can update their communities"
  on public.communities for update to authenticated
  using ((select public.has_community_role(id, '{owner}')))
  with check ((select public.has_community_role(id, '{owner}')));

create policy "Owners can delete their communities"
  on public.communities for delete to authenticated
  using ((select public.has_community_role(id, '{owner}')));

create policy "Members can see their community's team"
  on public.memberships for select to authenticated
  using ((select public.has_community_role(community_id)));

create policy "Owners can add members"
  on public.memberships for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner}')));

create policy "Owners can change roles"
  on public.memberships for update to authenticated
  using ((select public.has_community_role(community_id, '{owner}')))
  with check ((select public.has_community_role(community_id, '{owner}')));

create policy "Owners can remove members"
  on public.memberships for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner}')));

create policy "Team members can see each other's profiles"
  on public.profiles for select to authenticated
  using ((select public.shares_community_with(id)));

-- A community always keeps an owner: refuse to demote or remove the last one (a community being
-- deleted is already gone when its memberships cascade, so that still works).
create function public.keep_an_owner() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if old.role = 'owner'
      and (tg_op = 'DELETE' or new.role <> 'owner')
      and exists (select 1 from public.communities c where c.id = old.community_id)
      and not exists (
        select 1 from public.memberships m
        where m.community_id = old.community_id and m.role = 'owner' and m.user_id <> old.user_id
      )
    then
      raise exception 'a community must keep at least one owner' using errcode = 'P0001', hint = 'last_owner';
    end if;
    return coalesce(new, old);
  end
  $$;

create trigger memberships_keep_an_owner
  before update or delete on public.memberships
  for each row execute function public.keep_an_owner();

-- Creating a community makes its creator the first owner, atomically: no policy could allow the
-- membership insert before an owner exists.
create function public.create_community(
  new_slug text,
  new_name jsonb,
  new_region text,
  new_default_language public.content_language
) returns uuid
  language plpgsql security definer set search_path = ''
  as $$
  declare
    creator uuid := (select auth.uid());
    created uuid;
  begin
    if creator is null then
      raise exception 'sign in to create a community' using errcode = '42501';
    end if;
    insert into public.communities (slug, name, region, default_language, created_by)
    values (new_slug, new_name, new_region, new_default_language, creator)
    returning id into created;
    insert into public.memberships (community_id, user_id, role) values (created, creator, 'owner');
    return created;
  end
  $$;

revoke execute on function public.create_community(text, jsonb, text, public.content_language) from public, anon;
grant execute on function public.create_community(text, jsonb, text, public.content_language) to authenticated;
