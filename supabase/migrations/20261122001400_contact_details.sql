-- Contact details a resident may leave with a response, when the questionnaire offers it and
-- they tick the consent box: a name, and an email address or a phone number. Stored apart from
-- the answers (never in results or exports), readable only by the community's owners, and
-- deleted with the response (by its author through the receipt code, or by an owner).

alter table public.questionnaires add column offers_contact boolean not null default false;

create table public.contact_details (
  response_id uuid primary key references public.responses (id) on delete cascade,
  community_id uuid not null references public.communities (id) on delete cascade,
  name text check (name is null or length(name) between 1 and 100),
  email text check (email is null or length(email) between 3 and 254),
  phone text check (phone is null or length(phone) between 3 and 40),
  -- when the person ticked the consent box (again, if they changed their response)
  consented_at timestamptz not null default now(),
  check (email is not null or phone is not null)
);
create index contact_details_community_idx on public.contact_details (community_id);
alter table public.contact_details enable row level security;

revoke all on public.contact_details from anon, authenticated;
grant select, delete on public.contact_details to authenticated;
grant all on public.contact_details to service_role;

create policy "Owners can read the contact details left in their community"
  on public.contact_details for select to authenticated
  using ((select public.has_community_role(community_id, '{owner}')));

create policy "Owners can delete the contact details left in their community"
  on public.contact_details for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner}')));

-- Keeps the contact details of a response just saved, for anyone holding its receipt (residents
-- have no account), while the questionnaire is open and offers it. A changed response replaces
-- them. Returns false when nothing was kept: no such response with that receipt, or the
-- questionnaire does not (or no longer) ask for contact details.
create function public.save_contact_details(
  target_response uuid,
  receipt text,
  contact_name text,
  contact_email text,
  contact_phone text
) returns boolean
  language plpgsql security definer set search_path = ''
  as $$
  begin
    insert into public.contact_details (response_id, community_id, name, email, phone)
    select r.id, r.community_id, contact_name, contact_email, contact_phone
    from public.responses r join public.questionnaires q on q.id = r.questionnaire_id
    where r.id = target_response and r.receipt_hash = receipt
      and q.offers_contact and public.questionnaire_is_open(q.id)
    on conflict (response_id) do update
      set name = excluded.name, email = excluded.email, phone = excluded.phone, consented_at = now();
    return found;
  end
  $$;

revoke execute on function public.save_contact_details(uuid, text, text, text, text) from public;
grant execute on function public.save_contact_details(uuid, text, text, text, text) to anon, authenticated;
