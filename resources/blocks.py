"""StreamField blocks shared by materials, curriculum units and standard pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(required=False, label=_("caption"))
    alt_text = blocks.CharBlock(required=False, label=_("alternative text"))

    class Meta:
        icon = "image"
        template = "includes/blocks/image.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(required=False, label=_("description"))

    class Meta:
        icon = "doc-full"
        template = "includes/blocks/attachment.html"


class StepBlock(blocks.StructBlock):
    """One step of an activity.

    Steps are stored in three shapes, and each reads the same: Wagtail's list
    item {"type": "item", "value": {...}, "id": ...}, the older plain
    {"title": ..., "minutes": ..., "instructions": ...}, and a list item without
    its "id" (the demo's curriculum units). Wagtail takes the last for the plain
    shape and finds no title, minutes or instructions in it, so the struct
    unwraps its "value" itself.
    """

    title = blocks.CharBlock(label=_("step"))
    minutes = blocks.IntegerBlock(required=False, min_value=0, label=_("minutes"))
    instructions = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("instructions"))

    def to_python(self, value):
        return super().to_python(self.unwrap(value))

    def bulk_to_python(self, values):
        return super().bulk_to_python([self.unwrap(value) for value in values])

    def unwrap(self, value):
        """The step's own fields from a list item that lacks its "id" (any other value unchanged)."""
        if (
            isinstance(value, dict)
            and value.get("type") == "item"
            and isinstance(value.get("value"), dict)
            and not value.keys() & self.child_blocks.keys()
        ):
            return value["value"]
        return value


class ActivityBlock(blocks.StructBlock):
    """A step-by-step classroom activity."""

    title = blocks.CharBlock(label=_("activity"))
    steps = blocks.ListBlock(StepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        template = "includes/blocks/activity.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title", icon="title", template="includes/blocks/heading.html", label=_("heading")
    )
    paragraph = blocks.RichTextBlock(label=_("rich text"))
    image = ImageBlock()
    attachment = AttachmentBlock()
    embed = EmbedBlock(label=_("embed"), max_width=800)
    activity = ActivityBlock()
