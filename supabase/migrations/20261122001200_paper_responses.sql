-- Responses collected on paper (or by interview) and typed in by the team. Unlike a resident's
-- own submission this is allowed after the questionnaire closes, but only to the team members
-- who do data entry: owners, organizers and volunteers.

create function public.import_response(
  response_id uuid,
  target_questionnaire uuid,
  response_channel public.response_channel,
  response_language public.content_language,
  answer_values jsonb,
  demographic_values jsonb
) returns text
  language plpgsql security definer set search_path = ''
  as $$
  declare
    target_community uuid;
  begin
    select community_id into target_community from public.questionnaires where id = target_questionnaire;
    if target_community is null
      or not public.has_community_role(target_community, '{owner,organizer,volunteer}') then
      raise exception 'only the team can enter responses' using errcode = '42501';
    end if;
    if response_channel = 'online' then
      raise exception 'typed-in responses need their channel' using errcode = 'P0001', hint = 'channel_required';
    end if;
    if exists (
      select 1 from jsonb_object_keys(answer_values) k
      where not exists (
        select 1 from public.questions q where q.id::text = k and q.questionnaire_id = target_questionnaire
      )
    ) then
      raise exception 'an answer names a question of another questionnaire' using errcode = 'P0001', hint = 'unknown_question';
    end if;
    -- the id is derived from the file and row: importing the same file again adds nothing
    insert into public.responses (id, questionnaire_id, community_id, channel, language, receipt_hash)
    values (response_id, target_questionnaire, target_community, response_channel, response_language,
      -- paper respondents hold no receipt: a random hash nobody can present
      encode(sha256(gen_random_uuid()::text::bytea), 'hex'))
    on conflict (id) do nothing;
    if not found then
      return 'duplicate';
    end if;
    insert into public.answers (response_id, question_id, value)
    select import_response.response_id, k::uuid, v from jsonb_each(answer_values) as e(k, v);
    insert into public.demographic_answers (response_id, dimension, value)
    select import_response.response_id, k, v from jsonb_each_text(demographic_values) as e(k, v);
    return 'created';
  end
  $$;

revoke execute on function public.import_response(uuid, uuid, public.response_channel, public.content_language, jsonb, jsonb) from public, anon;
grant execute on function public.import_response(uuid, uuid, public.response_channel, public.content_language, jsonb, jsonb) to authenticated;
