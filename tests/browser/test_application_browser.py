"""A team applies: the contact person invites a colleague, both write the outline in their own
sessions, the mandate letter is uploaded, the application is submitted and the e-mail arrives."""

import os
import re

import pytest
from django.core import mail

from applications.enums import ApplicationStatus
from applications.models import Application
from tests.factories import IntakeFactory, UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.applications import PDF_BYTES

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
def test_team_invites_writes_outline_uploads_and_submits(page, phone, live_server, login, transactional_db):
    intake = IntakeFactory(
        min_team_size=2, max_team_size=4, min_politicians=1, min_officials=1, min_civil_society=0, cvs="not_asked"
    )
    contact = UserFactory(email="wanjiru@example.org", full_name="Grace Wanjiru", country="KE", gender="woman")
    colleague = UserFactory(email="otieno@example.org", full_name="Jomo Otieno", country="KE", gender="man")

    # --- Session 1: the contact person starts, writes the first sections and invites a colleague.
    login(page, contact.email, PASSWORD)
    page.goto(f"{live_server.url}/applications/start/{intake.pk}/")
    page.get_by_role("button", name="Start the application").click()
    page.get_by_label("Title of the change project").fill("Ward budget hearings in Kisumu")
    page.get_by_label("The problem the change project addresses").fill(
        "Residents of informal settlements are not heard when the budget is prepared."
    )
    page.get_by_label("Objectives").fill("A public budget hearing in every ward.")
    page.get_by_label("Target group").fill("Women traders and young people in Nyalenda.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Participation").check()
    page.get_by_label("11 Sustainable cities and communities").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("heading", name="Stakeholders, citizens and results").wait_for()

    page.get_by_role("link", name="Team", exact=True).click()
    page.get_by_role("link", name="Edit my details").click()
    page.get_by_label("Role in the team").select_option("official")
    page.get_by_role("button", name="Save my details").click()
    page.get_by_label("Name").fill("Kisumu County Government")
    page.get_by_label("Type").select_option("region")
    page.get_by_label("Country").select_option("KE")
    page.get_by_role("button", name="Add the organisation").click()
    page.get_by_label("E-mail address of the person to invite").fill(colleague.email)
    page.get_by_role("button", name="Send the invitation").click()
    page.get_by_text(f"An invitation was sent to {colleague.email}.").wait_for()
    link = re.search(r"https?://\S+/applications/invitation/\S+/", mail.outbox[-1].body).group(0)

    # --- Session 2: the colleague joins with the same address and writes the other sections.
    login(phone, colleague.email, PASSWORD)
    phone.goto(link)
    phone.get_by_role("button", name="Join the team").click()
    phone.get_by_label("Role in the team").select_option("politician")
    phone.get_by_role("button", name="Save my details").click()
    application = Application.objects.get(intake=intake)
    phone.goto(f"{live_server.url}/applications/{application.pk}/outline/plan/")
    phone.get_by_label("Stakeholders").fill("Ward committees and the finance department.")
    phone.get_by_label("How citizens are involved").fill("Hearings in each ward and an SMS survey.")
    phone.get_by_label("Expected results").fill("Residents' priorities appear in the approved budget.")
    # Autosave: typing and pausing saves without pressing a button.
    phone.get_by_label("Rough timeline").press_sequentially("Twelve months.")
    phone.get_by_text(re.compile(r"Saved at \d\d:\d\d CES?T\.")).wait_for()
    phone.get_by_role("button", name="Save and continue").click()
    phone.get_by_label("Staff time committed").fill("Two planners at 20 %.")
    # The connection drops mid-edit: the text stays on the device and is saved when it comes back.
    phone.context.set_offline(True)
    phone.get_by_label("Budget committed").press_sequentially("Venues and SMS costs.")
    phone.get_by_text("You are offline.").wait_for()
    # No "Saved at" next to unsaved text, and the notice is on screen where the person types.
    phone.get_by_text("Not saved yet: your text is kept on this device.").wait_for()
    notice = phone.get_by_text("You are offline.").bounding_box()
    assert notice["y"] >= 0
    assert notice["y"] + notice["height"] <= phone.viewport_size["height"]
    phone.context.set_offline(False)
    phone.get_by_text(re.compile(r"Saved at \d\d:\d\d CES?T\.")).wait_for()
    application.refresh_from_db()
    assert application.commitment_budget == "Venues and SMS costs."
    phone.get_by_role("button", name="Save and continue").click()
    phone.get_by_label("Political commitment today").fill("The county assembly adopted a participation act.")
    phone.get_by_label("Staff dedicated today").fill("One participation officer.")
    phone.get_by_label("The current situation").fill("No hearings are held today.")
    phone.get_by_role("button", name="Save and check what is missing").click()
    phone.get_by_text("Only the contact person can submit the application.").wait_for()

    # --- Back in session 1: the mandate letter, the checklist, and submit.
    page.goto(f"{live_server.url}/applications/{application.pk}/attachments/")
    page.get_by_label("What is this document?").select_option("mandate_letter")
    page.get_by_label("File (PDF, Word DOCX, OpenDocument ODT, JPEG or PNG)").set_input_files(
        {"name": "Barua ya idhini.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("link", name="Barua ya idhini.pdf", exact=True).wait_for()
    page.get_by_role("link", name="Checklist and submit").click()
    mail.outbox.clear()
    page.get_by_role("link", name="Review and submit the application").click()
    page.get_by_role("heading", name="What your team is about to send").wait_for()
    page.get_by_role("button", name="Yes, submit the application").click()
    page.get_by_text("Grace Wanjiru submitted the application.").wait_for()

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.timeline == "Twelve months."
    assert sorted(m.to[0] for m in mail.outbox) == ["otieno@example.org", "wanjiru@example.org"]
    assert mail.outbox[0].subject.endswith(
        f"Your application to {intake.programme.title} was received ({application.reference})"
    )
