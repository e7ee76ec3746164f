import re

from django import forms

from .models import Comment
from .moderation import sign_timestamp

# Control characters other than tab and line breaks have no place in a comment.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def refuse_control_characters(value):
    if CONTROL.search(value):
        raise forms.ValidationError(
            "Remove the invisible control characters from this field.",
            code="control_characters",
        )


class CommentForm(forms.ModelForm):
    # Hidden from people by CSS; bots fill it in.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    timestamp = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["name", "email", "body", "parent"]
        labels = {"body": "Comment", "email": "Email"}
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6}),
            "parent": forms.HiddenInput,
        }
        error_messages = {
            "name": {"max_length": "Keep your name to %(limit_value)d characters."},
            "body": {"max_length": "Keep your comment to %(limit_value)d characters."},
        }

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.article = article
        # A reply may only answer an approved comment of the same article.
        self.fields["parent"].queryset = article.comments.approved()
        self.fields["parent"].error_messages["invalid_choice"] = (
            "The comment you are replying to is not open for replies."
        )
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["body"].widget.attrs.update(minlength=2)
        if not self.is_bound:
            self.initial.setdefault("timestamp", sign_timestamp())

    def clean_name(self):
        name = self.cleaned_data["name"]
        refuse_control_characters(name)
        return name

    def clean_body(self):
        body = self.cleaned_data["body"]
        refuse_control_characters(body)
        if len(body.strip()) < 2:
            raise forms.ValidationError(
                "Write at least two characters.", code="too_short"
            )
        return body
