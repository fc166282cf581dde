"""Dialog, alert dialog and sheet: opening, focus trapping, closing."""

from __future__ import annotations

import pytest

from tests.browser import ui_harness as H
from tests.browser.ui_components.support import (
    no_errors,
)

pytestmark = pytest.mark.slow

# --------------------------------------------------------------------------- dialog, alert-dialog, sheet


def test_dialog_opens_traps_focus_and_closes(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [log, setLog] = React.useState([]);
      return <div>
        <Dialog onOpenChange={(o) => setLog(l => [...l, o])}>
          <DialogTrigger asChild><Button id="open">Open</Button></DialogTrigger>
          <DialogContent className="sm:max-w-[425px]">
            <DialogHeader><DialogTitle>Edit profile</DialogTitle><DialogDescription>Change things.</DialogDescription></DialogHeader>
            <Input id="first" defaultValue="Pedro" /><Input id="second" />
            <DialogFooter><DialogClose asChild><Button id="done">Done</Button></DialogClose></DialogFooter>
          </DialogContent>
        </Dialog>
        <span id="log">{log.join(",")}</span>
      </div>;
    }""",
    )
    trigger = page.locator("#open")
    assert trigger.get_attribute("aria-haspopup") == "dialog" and trigger.get_attribute("data-state") == "closed"
    trigger.click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    assert dialog.get_attribute("aria-modal") == "true"
    assert page.get_by_role("dialog", name="Edit profile").count() == 1  # aria-labelledby -> title
    assert trigger.get_attribute("data-state") == "open"
    page.wait_for_function("document.activeElement && document.activeElement.id === 'first'")
    # Tab cycles inside the dialog
    for _ in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('[role=dialog]')")
    assert page.evaluate("document.body.style.overflow") == "hidden"
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'open'")
    assert page.evaluate("document.body.style.overflow") == ""
    # the overlay closes it too
    trigger.click()
    dialog.wait_for()
    page.mouse.click(5, 5)
    dialog.wait_for(state="detached")
    # and DialogClose
    trigger.click()
    page.locator("#done").click()
    dialog.wait_for(state="detached")
    # the X button
    trigger.click()
    page.get_by_role("button", name="Close").click()
    dialog.wait_for(state="detached")
    assert page.inner_text("#log") == "true,false,true,false,true,false,true,false"
    no_errors(page)


def test_controlled_dialog(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [open, setOpen] = React.useState(true);
      return <div><button id="ext" onClick={() => setOpen(true)}>ext</button>
        <Dialog open={open} onOpenChange={setOpen}><DialogContent><DialogTitle>Hi</DialogTitle><p>Body</p></DialogContent></Dialog></div>;
    }""",
    )
    page.get_by_role("dialog").wait_for()
    page.keyboard.press("Escape")
    page.get_by_role("dialog").wait_for(state="detached")
    page.click("#ext")
    page.get_by_role("dialog").wait_for()
    no_errors(page)


def test_alert_dialog_ignores_overlay_and_focuses_cancel(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [done, setDone] = React.useState("no");
      return <div>
        <AlertDialog>
          <AlertDialogTrigger asChild><Button variant="destructive">Delete</Button></AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader><AlertDialogTitle>Are you absolutely sure?</AlertDialogTitle>
              <AlertDialogDescription>This cannot be undone.</AlertDialogDescription></AlertDialogHeader>
            <AlertDialogFooter><AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction onClick={() => setDone("yes")}>Continue</AlertDialogAction></AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog><span id="done">{done}</span></div>;
    }""",
    )
    page.get_by_role("button", name="Delete").click()
    dlg = page.get_by_role("alertdialog")
    dlg.wait_for()
    assert dlg.get_attribute("aria-modal") == "true"
    page.wait_for_function("document.activeElement && document.activeElement.textContent === 'Cancel'")
    page.mouse.click(5, 5)  # the overlay does not close an alert dialog
    page.wait_for_timeout(100)
    assert dlg.is_visible()
    page.get_by_role("button", name="Continue").click()
    dlg.wait_for(state="detached")
    assert page.inner_text("#done") == "yes"
    page.get_by_role("button", name="Delete").click()
    dlg.wait_for()
    page.keyboard.press("Escape")
    dlg.wait_for(state="detached")
    no_errors(page)


def test_sheet_slides_from_the_chosen_side(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <Sheet><SheetTrigger asChild><Button>Open sheet</Button></SheetTrigger>
        <SheetContent side="left"><SheetHeader><SheetTitle>Settings</SheetTitle><SheetDescription>Adjust.</SheetDescription></SheetHeader>
        <SheetFooter><SheetClose asChild><Button>Save</Button></SheetClose></SheetFooter></SheetContent></Sheet>;
    }""",
    )
    page.get_by_role("button", name="Open sheet").click()
    sheet = page.get_by_role("dialog", name="Settings")
    sheet.wait_for()
    box = sheet.bounding_box()
    assert box["x"] == 0 and box["height"] == page.viewport_size["height"]
    page.get_by_role("button", name="Save").click()
    sheet.wait_for(state="detached")
    no_errors(page)
