"""Submit a form as a browser would, from the HTML a view rendered.

Test data built by hand once hid that editors could not save a third of the catalogue:
the hand-built values were not the ones the admin rendered. `RenderedForm` reads every
field's value from the page instead: inputs, ticked boxes, selected options, text areas,
and each StreamField, which the admin renders as JSON for its JavaScript to turn into
fields. The StreamField part writes the same field names and values that script posts.
"""

import json

from bs4 import BeautifulSoup
from wagtail import blocks
from wagtail.blocks.field_block import BooleanBlock

NOT_POSTED = {"submit", "button", "reset", "image", "file"}


class RenderedForm:
    def __init__(self, response, form_id=None, model=None):
        soup = BeautifulSoup(response.content, "lxml")
        if form_id:
            form = soup.find("form", id=form_id)
        else:
            # The page's own form, not one in the header such as "Sign out".
            area = soup.find("main") or soup
            form = area.find("form", method=lambda m: m and m.lower() == "post")
        assert form is not None, f"no form {form_id or ''} on {response.request['PATH_INFO']}"
        self.form = form
        # A form with no action posts to the page's own address, query string included.
        query = response.request.get("QUERY_STRING")
        here = response.request["PATH_INFO"] + (f"?{query}" if query else "")
        self.action = form.get("action") or here
        self.data = {}
        self._read_fields(form)
        # The admin's script moves these templates' fields (such as the page's go-live
        # date) into the edit form, so a browser posts them with it.
        if form.has_attr("data-edit-form"):
            for template in soup.select('template[data-controller="w-teleport"]'):
                if template.get("data-w-teleport-target-value") == "[data-edit-form]":
                    self._read_fields(template, inside_template=True)
        if model is not None:
            self._read_streamfields(model)

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def _read_fields(self, container, inside_template=False):
        for element in container.find_all(["input", "select", "textarea"]):
            name = element.get("name")
            if not name or element.has_attr("disabled"):
                continue
            if not inside_template and element.find_parent("template") is not None:
                continue  # such as an inline panel's empty form, kept for its "Add" button
            if element.name == "textarea":
                # Browsers drop the one newline that follows the opening tag.
                text = element.string or ""
                self._add(name, text[1:] if text.startswith("\n") else text)
            elif element.name == "select":
                options = element.find_all("option")
                chosen = [o for o in options if o.has_attr("selected")]
                if not chosen and options and not element.has_attr("multiple"):
                    chosen = options[:1]
                for option in chosen:
                    self._add(name, option.get("value", option.get_text()))
            else:
                kind = element.get("type", "text").lower()
                if kind in NOT_POSTED:
                    continue
                if kind in {"checkbox", "radio"} and not element.has_attr("checked"):
                    continue
                self._add(name, element.get("value", "on" if kind == "checkbox" else ""))

    def _read_streamfields(self, model):
        for element in self.form.find_all(attrs={"data-controller": "w-block"}):
            name = element["id"]
            state = json.loads(element["data-w-block-arguments-value"])[0]
            stream_block = model._meta.get_field(name).stream_block
            self.set_stream(name, stream_block, state)

    def set_stream(self, name, stream_block, state):
        """Post a StreamField as the admin's script does, from its JSON state."""
        for key in [k for k in self.data if k == name or k.startswith(f"{name}-")]:
            del self.data[key]
        for key, value in stream_fields(stream_block, state, name):
            self._add(key, value)

    def add_inline(self, prefix, **fields):
        """Add a form to an inline panel, as its "Add" button does, and fill it in."""
        template = self.form.find("template", id=f"id_{prefix}-EMPTY_FORM_TEMPLATE")
        assert template is not None, f"no inline panel {prefix!r}"
        index = int(self.data[f"{prefix}-TOTAL_FORMS"][0])
        empty = RenderedForm.__new__(RenderedForm)
        empty.data = {}
        empty._read_fields(template, inside_template=True)
        for name, values in empty.data.items():
            self.data[name.replace("__prefix__", str(index))] = values
        self.set(f"{prefix}-{index}-ORDER", index + 1)
        for name, value in fields.items():
            self.set(f"{prefix}-{index}-{name}", value)
        self.set(f"{prefix}-TOTAL_FORMS", index + 1)

    def values(self, name):
        return list(self.data.get(name, []))

    def set(self, name, *values):
        self.data[name] = [str(v) for v in values]

    def tick(self, name, label):
        """Tick the checkbox called `name` whose label reads `label`."""
        self._add(name, self._option_value(name, label, "checkbox"))

    def untick(self, name, label):
        self.data[name].remove(self._option_value(name, label, "checkbox"))

    def choose(self, name, label):
        """Choose the radio button called `name` whose label reads `label`."""
        self.data[name] = [self._option_value(name, label, "radio")]

    def _option_value(self, name, label, kind):
        for option in self.form.find_all("input", attrs={"name": name, "type": kind}):
            tag = option.find_parent("label") or self.form.find(
                "label", attrs={"for": option.get("id")}
            )
            if tag is not None and tag.get_text(strip=True) == label:
                return option.get("value", "on")
        raise AssertionError(f"no {kind} {name!r} labelled {label!r}")

    def submit(self, client, button=None, files=None, value=None, **extra):
        """POST the form, pressing the submit button named `button` if given.

        `value` picks one of several buttons with that name. `files` maps file inputs'
        names to uploaded files, as a person picks them.
        """
        data = {name: values for name, values in self.data.items()}
        for name, upload in (files or {}).items():
            assert self.form.find("input", attrs={"name": name, "type": "file"}), name
            data[name] = upload
        if button is not None:
            attrs = {"name": button} if value is None else {"name": button, "value": value}
            element = self.form.find("button", attrs=attrs)
            assert element is not None, f"no button named {button!r}"
            data[button] = [element.get("value", "")]
        return client.post(self.action, data, **extra)


def stream_fields(block, state, prefix):
    """(name, value) pairs for a block's state, named as Wagtail's block widgets name them."""
    if isinstance(block, blocks.StreamBlock):
        yield f"{prefix}-count", str(len(state))
        for i, child in enumerate(state):
            yield f"{prefix}-{i}-type", child["type"]
            yield f"{prefix}-{i}-deleted", ""
            yield f"{prefix}-{i}-order", str(i)
            yield f"{prefix}-{i}-id", child.get("id") or ""
            child_block = block.child_blocks[child["type"]]
            yield from stream_fields(child_block, child["value"], f"{prefix}-{i}-value")
    elif isinstance(block, blocks.ListBlock):
        yield f"{prefix}-count", str(len(state))
        for i, child in enumerate(state):
            yield f"{prefix}-{i}-deleted", ""
            yield f"{prefix}-{i}-order", str(i)
            yield f"{prefix}-{i}-id", child.get("id") or ""
            yield from stream_fields(block.child_block, child["value"], f"{prefix}-{i}-value")
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from stream_fields(child_block, state.get(name), f"{prefix}-{name}")
    elif isinstance(block, BooleanBlock):
        if state:
            yield prefix, "on"
    elif isinstance(state, dict):
        # Choosers keep the chosen object's id with its title and preview.
        yield prefix, str(state["id"])
    else:
        yield prefix, "" if state is None else str(state)
