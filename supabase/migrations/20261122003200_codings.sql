-- Coding free text against the codebook. An item to code is named by a stable key built from its
-- source ('answer:<response id>:<question id>'; other sources such as session notes add their
-- own kind), so the queue can gather items from several tables. For answers the response id is
-- also kept as a foreign key, so a resident deleting their response takes its codings with it.
--
-- Two passes: 'primary' is the team's coding of an item (any analyst may add or remove a theme);
-- 'second' is a blind second coding of a sample, by someone else, used only to measure
-- agreement (Cohen's kappa per theme).

create type public.coding_pass as enum ('primary', 'second');

create table public.codings (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null,
  item_kind text not null check (item_kind in ('answer', 'note')),
  item_key text not null check (item_key ~ '^[a-z_]+:[0-9a-f:-]+$' and length(item_key) <= 200),
  response_id uuid references public.responses (id) on delete cascade,
  theme_id uuid not null,
  pass public.coding_pass not null default 'primary',
  coder_id uuid references public.profiles (id) on delete set null,
  -- 'suggestion' when the coder accepted a suggested theme
  source text not null default 'manual' check (source in ('manual', 'suggestion')),
  coded_at timestamptz not null default now(),
  unique (item_key, theme_id, pass),
  constraint codings_answer_has_response check ((item_kind = 'answer') = (response_id is not null)),
  foreign key (community_id, theme_id) references public.themes (community_id, id) on delete cascade
);
create index codings_community_idx on public.codings (community_id, pass, item_key);
create index codings_theme_idx on public.codings (theme_id);
create index codings_response_idx on public.codings (response_id);
alter table public.codings enable row level security;

-- Who did what and when: every coding change, grouped by action (one click, one bulk coding)
-- so that a person can undo their last action as a whole.
create table public.coding_events (
  id bigint generated always as identity primary key,
  community_id uuid not null references public.communities (id) on delete cascade,
  action_id uuid not null,
  actor_id uuid references public.profiles (id) on delete set null,
  item_key text not null,
  response_id uuid references public.responses (id) on delete cascade,
  theme_id uuid not null,
  pass public.coding_pass not null,
  op text not null check (op in ('add', 'remove')),
  created_at timestamptz not null default now(),
  undone_at timestamptz,
  foreign key (community_id, theme_id) references public.themes (community_id, id) on delete cascade
);
create index coding_events_actor_idx on public.coding_events (community_id, actor_id, id desc);
create index coding_events_item_idx on public.coding_events (item_key);
alter table public.coding_events enable row level security;

-- The sample drawn for blind second coding: which items, who codes them the second time, and
-- when they finished (an item may end with no theme at all, which is an answer too).
create table public.coding_samples (
  community_id uuid not null references public.communities (id) on delete cascade,
  item_key text not null,
  response_id uuid references public.responses (id) on delete cascade,
  second_coder_id uuid not null references public.profiles (id) on delete cascade,
  assigned_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (item_key)
);
create index coding_samples_coder_idx on public.coding_samples (community_id, second_coder_id);
alter table public.coding_samples enable row level security;

-- Suggested themes a person turned down for an item: not suggested again for that item.
create table public.suggestion_rejections (
  community_id uuid not null,
  item_key text not null,
  response_id uuid references public.responses (id) on delete cascade,
  theme_id uuid not null,
  rejected_by uuid references public.profiles (id) on delete set null,
  rejected_at timestamptz not null default now(),
  primary key (item_key, theme_id),
  foreign key (community_id, theme_id) references public.themes (community_id, id) on delete cascade
);
alter table public.suggestion_rejections enable row level security;

-- An answer item may be coded only in the community its response belongs to.
create function public.coding_item_in_community(target_community uuid, target_response uuid)
  returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select target_response is null or exists (
      select 1 from public.responses r where r.id = target_response and r.community_id = target_community
    )
  $$;

revoke all on public.codings, public.coding_events, public.coding_samples, public.suggestion_rejections
  from anon, authenticated;
grant select, insert, delete on public.codings to authenticated;
grant select, insert, update on public.coding_events to authenticated;
grant select, insert, update, delete on public.coding_samples to authenticated;
grant select, insert, delete on public.suggestion_rejections to authenticated;
grant all on public.codings, public.coding_events, public.coding_samples, public.suggestion_rejections
  to service_role;

create policy "Owners, organizers and analysts can read codings"
  on public.codings for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can code items of their community as themselves"
  on public.codings for insert to authenticated
  with check (
    (select public.has_community_role(community_id, '{owner,organizer,analyst}'))
    and coder_id = (select auth.uid())
    and public.coding_item_in_community(community_id, response_id)
  );

-- The primary coding is shared by the team; a second coding belongs to its coder.
create policy "Owners, organizers and analysts can remove primary codings and their own second codings"
  on public.codings for delete to authenticated
  using (
    (select public.has_community_role(community_id, '{owner,organizer,analyst}'))
    and (pass = 'primary' or coder_id = (select auth.uid()))
  );

create policy "Owners, organizers and analysts can read the coding history"
  on public.coding_events for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can record their own coding actions"
  on public.coding_events for insert to authenticated
  with check (
    (select public.has_community_role(community_id, '{owner,organizer,analyst}'))
    and actor_id = (select auth.uid())
    and public.coding_item_in_community(community_id, response_id)
  );

create policy "Coders can mark their own actions undone"
  on public.coding_events for update to authenticated
  using (actor_id = (select auth.uid()) and (select public.has_community_role(community_id, '{owner,organizer,analyst}')))
  with check (actor_id = (select auth.uid()));

create policy "Owners, organizers and analysts can read the second-coding sample"
  on public.coding_samples for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can draw a sample for an analyst of their community"
  on public.coding_samples for insert to authenticated
  with check (
    (select public.has_community_role(community_id, '{owner,organizer,analyst}'))
    and exists (
      select 1 from public.memberships m
      where m.community_id = coding_samples.community_id and m.user_id = second_coder_id
        and m.role in ('owner', 'organizer', 'analyst')
    )
    and public.coding_item_in_community(community_id, response_id)
  );

create policy "Second coders can mark their sample items done"
  on public.coding_samples for update to authenticated
  using (second_coder_id = (select auth.uid()) and (select public.has_community_role(community_id, '{owner,organizer,analyst}')))
  with check (second_coder_id = (select auth.uid()));

create policy "Owners, organizers and analysts can withdraw sample items"
  on public.coding_samples for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can read rejected suggestions"
  on public.suggestion_rejections for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can reject suggestions as themselves"
  on public.suggestion_rejections for insert to authenticated
  with check (
    (select public.has_community_role(community_id, '{owner,organizer,analyst}'))
    and rejected_by = (select auth.uid())
    and public.coding_item_in_community(community_id, response_id)
  );

create policy "Owners, organizers and analysts can take back a rejection"
  on public.suggestion_rejections for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
