import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import PROGRAMME_STAFF_GROUP, User

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    country = "KE"
    organisation = factory.Faker("company")
    position = factory.Faker("job")
    preferred_language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A verified e-mail address, as every real user who can log in has."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


class ApplicantFactory(UserFactory):
    """Anyone registered can apply: an applicant is a plain user."""


class StaffFactory(UserFactory):
    country = "SE"

    @factory.post_generation
    def programme_staff(self, create, extracted, **kwargs):
        if create:
            # get_or_create: browser tests flush the database, group from the migration included.
            self.groups.add(Group.objects.get_or_create(name=PROGRAMME_STAFF_GROUP)[0])
