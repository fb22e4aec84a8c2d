-- A community's codebook: bilingual themes, each either top-level or a sub-theme of a top-level
-- theme (one level only). `code` is the theme's stable short name, used by CSV import/export to
-- match rows with themes; keywords feed the server's own theme suggestions.

create table public.themes (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  parent_id uuid,
  code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) between 1 and 60),
  name jsonb not null
    check (
      jsonb_typeof(name -> 'en') = 'string' and length(name ->> 'en') between 1 and 120
      and jsonb_typeof(name -> 'fr') = 'string' and length(name ->> 'fr') between 1 and 120
    ),
  description jsonb not null default '{"en": "", "fr": ""}'
    check (jsonb_typeof(description -> 'en') = 'string' and jsonb_typeof(description -> 'fr') = 'string'),
  -- example answers that belong under the theme, as a guide for coders
  examples jsonb not null default '{"en": "", "fr": ""}'
    check (jsonb_typeof(examples -> 'en') = 'string' and jsonb_typeof(examples -> 'fr') = 'string'),
  -- { "en": ["rent", ...], "fr": ["loyer", ...] }
  keywords jsonb not null default '{"en": [], "fr": []}'
    check (jsonb_typeof(keywords -> 'en') = 'array' and jsonb_typeof(keywords -> 'fr') = 'array'),
  position integer not null default 0,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (community_id, code),
  -- lets other tables require that a theme is of the same community as the row naming it
  unique (community_id, id),
  foreign key (community_id, parent_id) references public.themes (community_id, id) on delete cascade
);
create index themes_parent_idx on public.themes (parent_id);
alter table public.themes enable row level security;

-- One level of sub-themes: a parent must itself be top-level, and a theme with sub-themes cannot
-- become a sub-theme.
create function public.check_theme_level() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if new.parent_id is not null and (
      new.parent_id = new.id
      or exists (select 1 from public.themes t where t.id = new.parent_id and t.parent_id is not null)
      or exists (select 1 from public.themes t where t.parent_id = new.id)
    ) then
      raise exception 'sub-themes go one level deep' using errcode = 'P0001', hint = 'theme_too_deep';
    end if;
    return new;
  end
  $$;
create trigger themes_one_level before insert or update of parent_id on public.themes
  for each row execute function public.check_theme_level();

revoke all on public.themes from anon, authenticated;
grant select, insert, update, delete on public.themes to authenticated;
grant all on public.themes to service_role;

create policy "Members can read their community's codebook"
  on public.themes for select to authenticated
  using ((select public.has_community_role(community_id)));

create policy "Owners, organizers and analysts can add themes"
  on public.themes for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can edit themes"
  on public.themes for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can delete themes"
  on public.themes for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
