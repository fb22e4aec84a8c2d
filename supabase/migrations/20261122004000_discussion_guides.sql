-- Discussion guides: a community's reusable, ordered list of bilingual prompts for its focus
-- groups, interviews and meetings. Prompts are rows of their own so that a note can say which
-- prompt it answers, and keep saying so when prompts are reworded or reordered.

create table public.discussion_guides (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  title jsonb not null
    check (
      jsonb_typeof(title -> 'en') = 'string' and length(title ->> 'en') between 1 and 200
      and jsonb_typeof(title -> 'fr') = 'string' and length(title ->> 'fr') between 1 and 200
    ),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- lets a session name a guide of its own community only (composite foreign key)
  unique (id, community_id)
);
create index discussion_guides_community_idx on public.discussion_guides (community_id);
alter table public.discussion_guides enable row level security;

create table public.guide_prompts (
  id uuid primary key default gen_random_uuid(),
  guide_id uuid not null references public.discussion_guides (id) on delete cascade,
  -- dense order within the guide: 0, 1, 2 …
  position integer not null check (position >= 0),
  prompt jsonb not null
    check (
      jsonb_typeof(prompt -> 'en') = 'string' and length(prompt ->> 'en') between 1 and 1000
      and jsonb_typeof(prompt -> 'fr') = 'string' and length(prompt ->> 'fr') between 1 and 1000
    )
);
create index guide_prompts_guide_idx on public.guide_prompts (guide_id, position);
alter table public.guide_prompts enable row level security;

revoke all on public.discussion_guides, public.guide_prompts from anon, authenticated;
grant select, insert, update, delete on public.discussion_guides, public.guide_prompts to authenticated;
grant all on public.discussion_guides, public.guide_prompts to service_role;

-- Everyone on the team reads guides: volunteers taking notes tag them with the guide's prompts.
create policy "Members can read their community's discussion guides"
  on public.discussion_guides for select to authenticated
  using ((select public.has_community_role(community_id)));

create policy "Owners and organizers can create discussion guides"
  on public.discussion_guides for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Owners and organizers can edit discussion guides"
  on public.discussion_guides for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Owners and organizers can delete discussion guides"
  on public.discussion_guides for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));

-- Prompts follow their guide.
create function public.guide_role(target uuid, allowed public.community_role[] default null)
  returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.discussion_guides g
      where g.id = target and public.has_community_role(g.community_id, allowed)
    )
  $$;

create policy "Members can read the prompts of their guides"
  on public.guide_prompts for select to authenticated
  using ((select public.guide_role(guide_id)));

create policy "Owners and organizers can change the prompts of their guides"
  on public.guide_prompts for all to authenticated
  using ((select public.guide_role(guide_id, '{owner,organizer}')))
  with check ((select public.guide_role(guide_id, '{owner,organizer}')));
