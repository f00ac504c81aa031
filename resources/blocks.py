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
    title = blocks.CharBlock(label=_("step"))
    minutes = blocks.IntegerBlock(required=False, min_value=0, label=_("minutes"))
    instructions = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("instructions"))


class ActivityBlock(blocks.StructBlock):
    """A step-by-step classroom activity."""

    title = blocks.CharBlock(label=_("activity"))
    steps = blocks.ListBlock(StepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        template = "includes/blocks/activity.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="includes/blocks/heading.html", label=_("heading"))
    paragraph = blocks.RichTextBlock(label=_("rich text"))
    image = ImageBlock()
    attachment = AttachmentBlock()
    embed = EmbedBlock(label=_("embed"), max_width=800)
    activity = ActivityBlock()
