"""The shadcn-style components (artifacts_runtime/page/ui-*.js) in real headless Chromium.

Each test renders a small JSX ``App`` with React 18, Tailwind's v4 browser build and Babel
(see ``ui_harness``) and drives it like a user: clicks, keys, hovers.
"""

from __future__ import annotations

import json

import pytest

from tests.browser import ui_harness as H

pytestmark = pytest.mark.slow

EMERALD_600 = "oklch(0.596 0.145 163.225)"  # Tailwind v4's emerald-600
PRIMARY = "oklch(0.205 0 0)"  # the theme's --primary (neutral-900)


@pytest.fixture(scope="module", autouse=True)
def _assets(runtime_assets) -> None:
    """Serve the real locked libraries (React, ReactDOM, Tailwind, clsx, tailwind-merge, cva,
    Babel) and our ui-*.js parts, the same tags a React frame gets."""
    H.server(runtime_assets)


def no_errors(page) -> None:
    assert page.page_errors == []
    assert page.console_errors == []


def wait_for_animations(page) -> None:
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)"
    )


# --------------------------------------------------------------------------- exports


def test_every_module_exports_shadcn_names(page) -> None:
    H.open_app(page, "function App() { return <div>exports</div>; }")
    exported = H.exported_names(page)
    for module, names in H.EXPECTED_EXPORTS.items():
        assert module in exported, f"missing module {module}"
        missing = sorted(set(names) - set(exported[module]))
        assert not missing, f"{module} lacks {missing}"
    kinds = page.evaluate(
        """() => Object.entries(window.__artifactsUI.modules).flatMap(([m, ex]) =>
             Object.entries(ex).filter(([, v]) => !(typeof v === 'function' || (v && v.$$typeof)))
               .map(([k]) => m + '.' + k))"""
    )
    assert kinds == [], "every export is a component or function"
    assert page.evaluate("typeof window.__artifactsUI.cn") == "function"
    assert page.evaluate("window.__artifactsUI.modules['lib/utils'].cn === window.__artifactsUI.cn")
    no_errors(page)


def test_variant_helpers_return_class_strings(page) -> None:
    H.open_app(page, "function App() { return <div/>; }")
    out = page.evaluate(
        """() => { const M = window.__artifactsUI.modules;
             return { b: M.button.buttonVariants({ variant: 'outline', size: 'sm', className: 'w-full' }),
                      d: M.button.buttonVariants(), g: M.badge.badgeVariants({ variant: 'secondary' }),
                      t: M.toggle.toggleVariants({ variant: 'outline' }) }; }"""
    )
    assert "border-input" in out["b"] and "h-9" in out["b"] and "w-full" in out["b"] and "h-10" not in out["b"]
    assert "bg-primary" in out["d"] and "h-10" in out["d"]
    assert "bg-secondary" in out["g"]
    assert "border-input" in out["t"]


# --------------------------------------------------------------------------- the demo page

DEMO = r"""
function App() {
  const [tab, setTab] = React.useState("account");
  const [fruit, setFruit] = React.useState("");
  const [volume, setVolume] = React.useState([40]);
  return (
    <TooltipProvider delayDuration={100}>
    <div className="grid grid-cols-2 gap-6 max-w-5xl">
      <Card>
        <CardHeader>
          <CardTitle>Create project</CardTitle>
          <CardDescription>Deploy your new project in one click.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="space-y-2"><Label htmlFor="name">Name</Label><Input id="name" placeholder="Name of your project" /></div>
          <div className="space-y-2"><Label htmlFor="fw">Framework</Label>
            <Select value={fruit} onValueChange={setFruit}>
              <SelectTrigger id="fw"><SelectValue placeholder="Select" /></SelectTrigger>
              <SelectContent>
                <SelectGroup><SelectLabel>Frameworks</SelectLabel>
                  <SelectItem value="next">Next.js</SelectItem><SelectItem value="svelte">SvelteKit</SelectItem>
                  <SelectItem value="astro">Astro</SelectItem></SelectGroup>
              </SelectContent>
            </Select></div>
          <div className="space-y-2"><Label htmlFor="msg">Message</Label><Textarea id="msg" placeholder="Type your message here." /></div>
        </CardContent>
        <CardFooter className="flex justify-between">
          <Button variant="outline">Cancel</Button><Button>Deploy</Button>
        </CardFooter>
      </Card>
      <div className="space-y-4">
        <Tabs value={tab} onValueChange={setTab} className="w-full">
          <TabsList className="grid w-full grid-cols-2"><TabsTrigger value="account">Account</TabsTrigger><TabsTrigger value="password">Password</TabsTrigger></TabsList>
          <TabsContent value="account"><Card><CardContent className="pt-6 space-y-3">
            <div className="flex items-center space-x-2"><Checkbox id="terms" defaultChecked /><Label htmlFor="terms">Accept terms and conditions</Label></div>
            <div className="flex items-center space-x-2"><Switch id="air" /><Label htmlFor="air">Airplane Mode</Label></div>
            <RadioGroup defaultValue="comfortable" className="flex gap-4">
              <div className="flex items-center gap-2"><RadioGroupItem value="default" id="r1" /><Label htmlFor="r1">Default</Label></div>
              <div className="flex items-center gap-2"><RadioGroupItem value="comfortable" id="r2" /><Label htmlFor="r2">Comfortable</Label></div>
            </RadioGroup>
            <Slider value={volume} onValueChange={setVolume} max={100} step={1} />
            <Progress value={66} />
          </CardContent></Card></TabsContent>
          <TabsContent value="password"><p>Change your password here.</p></TabsContent>
        </Tabs>
        <div className="flex flex-wrap items-center gap-2">
          <Badge>Badge</Badge><Badge variant="secondary">Secondary</Badge><Badge variant="destructive">Destructive</Badge><Badge variant="outline">Outline</Badge>
          <Avatar><AvatarImage src="" alt="" /><AvatarFallback>CN</AvatarFallback></Avatar>
          <Toggle aria-label="Toggle bold">B</Toggle>
          <Tooltip><TooltipTrigger asChild><Button variant="outline" size="sm">Hover</Button></TooltipTrigger><TooltipContent>Add to library</TooltipContent></Tooltip>
          <DropdownMenu>
            <DropdownMenuTrigger asChild><Button variant="secondary" size="sm">Menu</Button></DropdownMenuTrigger>
            <DropdownMenuContent><DropdownMenuLabel>My Account</DropdownMenuLabel><DropdownMenuSeparator />
              <DropdownMenuItem>Profile<DropdownMenuShortcut>⇧⌘P</DropdownMenuShortcut></DropdownMenuItem>
              <DropdownMenuItem>Settings</DropdownMenuItem></DropdownMenuContent>
          </DropdownMenu>
          <Dialog><DialogTrigger asChild><Button size="sm">Edit profile</Button></DialogTrigger>
            <DialogContent><DialogHeader><DialogTitle>Edit profile</DialogTitle>
              <DialogDescription>Make changes to your profile here.</DialogDescription></DialogHeader>
              <Input defaultValue="Pedro Duarte" /><DialogFooter><Button>Save changes</Button></DialogFooter></DialogContent></Dialog>
        </div>
        <Alert><AlertTitle>Heads up!</AlertTitle><AlertDescription>You can add components to your app using the cli.</AlertDescription></Alert>
        <Alert variant="destructive"><AlertTitle>Error</AlertTitle><AlertDescription>Your session has expired.</AlertDescription></Alert>
        <Accordion type="single" collapsible defaultValue="item-1">
          <AccordionItem value="item-1"><AccordionTrigger>Is it accessible?</AccordionTrigger><AccordionContent>Yes. It adheres to the WAI-ARIA design pattern.</AccordionContent></AccordionItem>
          <AccordionItem value="item-2"><AccordionTrigger>Is it styled?</AccordionTrigger><AccordionContent>Yes.</AccordionContent></AccordionItem>
        </Accordion>
      </div>
      <div className="col-span-2 space-y-3">
        <Separator />
        <Table><TableCaption>A list of your recent invoices.</TableCaption>
          <TableHeader><TableRow><TableHead>Invoice</TableHead><TableHead>Status</TableHead><TableHead className="text-right">Amount</TableHead></TableRow></TableHeader>
          <TableBody>
            <TableRow><TableCell className="font-medium">INV001</TableCell><TableCell>Paid</TableCell><TableCell className="text-right">$250.00</TableCell></TableRow>
            <TableRow><TableCell className="font-medium">INV002</TableCell><TableCell>Pending</TableCell><TableCell className="text-right">$150.00</TableCell></TableRow>
          </TableBody></Table>
        <div className="flex gap-2"><Skeleton className="h-4 w-[250px]" /><Skeleton className="h-4 w-[200px]" /></div>
        <ScrollArea className="h-20 w-64 rounded-md border"><div className="p-4">{Array.from({length: 20}, (_, i) => <div key={i} className="text-sm">Tag {i}</div>)}</div></ScrollArea>
      </div>
    </div>
    </TooltipProvider>
  );
}
"""


def test_demo_page_renders_without_errors(page) -> None:
    page.set_viewport_size({"width": 1100, "height": 1000})
    H.open_app(page, DEMO)
    assert page.get_by_role("tab").count() == 2
    assert page.get_by_role("combobox").count() == 1
    assert page.get_by_role("checkbox").count() == 1
    assert page.get_by_role("switch").count() == 1
    assert page.get_by_role("slider").count() == 1
    assert page.get_by_role("progressbar").count() == 1
    assert page.get_by_role("radiogroup").count() == 1
    assert page.get_by_role("alert").count() == 2
    assert page.get_by_role("table").count() == 1
    assert page.get_by_role("region").count() == 1  # the open accordion item
    assert page.get_by_text("CN").is_visible()  # avatar fallback (no image)
    page.screenshot(path="/tmp/ui-demo.png", full_page=True)
    # theme colors come from the injected CSS variables
    assert page.get_by_role("button", name="Deploy").evaluate("e => getComputedStyle(e).backgroundColor") == PRIMARY
    card_border = page.locator("[data-slot=card]").first.evaluate("e => getComputedStyle(e).borderTopColor")
    assert card_border == "oklch(0.922 0 0)"
    # open the dialog and a popup for a second look
    page.get_by_role("button", name="Edit profile").click()
    page.get_by_role("dialog").wait_for()
    wait_for_animations(page)
    box = page.get_by_role("dialog").bounding_box()
    assert abs(box["x"] + box["width"] / 2 - 550) <= 1  # centered in the 1100px viewport
    page.screenshot(path="/tmp/ui-demo-dialog.png")
    page.keyboard.press("Escape")
    page.get_by_role("combobox").click()
    page.get_by_role("listbox").wait_for()
    page.keyboard.press("ArrowDown")
    wait_for_animations(page)
    page.screenshot(path="/tmp/ui-demo-select.png")
    no_errors(page)


# --------------------------------------------------------------------------- tabs


def test_tabs_roles_click_and_arrow_keys(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <Tabs defaultValue="a">
        <TabsList><TabsTrigger value="a">Alpha</TabsTrigger><TabsTrigger value="b">Beta</TabsTrigger><TabsTrigger value="c" disabled>Gamma</TabsTrigger></TabsList>
        <TabsContent value="a">Panel A</TabsContent><TabsContent value="b">Panel B</TabsContent><TabsContent value="c">Panel C</TabsContent>
      </Tabs>;
    }""",
    )
    assert page.get_by_role("tablist").count() == 1
    alpha, beta = page.get_by_role("tab", name="Alpha"), page.get_by_role("tab", name="Beta")
    assert alpha.get_attribute("aria-selected") == "true" and alpha.get_attribute("data-state") == "active"
    assert beta.get_attribute("aria-selected") == "false" and beta.get_attribute("data-state") == "inactive"
    assert page.get_by_role("tabpanel").inner_text() == "Panel A"
    assert page.get_by_role("tabpanel").get_attribute("aria-labelledby") == alpha.get_attribute("id")
    beta.click()
    assert beta.get_attribute("aria-selected") == "true" and alpha.get_attribute("aria-selected") == "false"
    assert page.get_by_role("tabpanel").inner_text() == "Panel B"
    # arrows move (and activate) skipping the disabled tab, wrapping around
    page.keyboard.press("ArrowRight")
    assert alpha.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.textContent") == "Alpha"
    page.keyboard.press("ArrowLeft")
    assert beta.get_attribute("aria-selected") == "true"
    no_errors(page)


def test_tabs_controlled_follows_parent_state(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [v, setV] = React.useState("one");
      const [log, setLog] = React.useState([]);
      return <div>
        <Tabs value={v} onValueChange={(x) => { setLog(l => [...l, x]); if (x !== "locked") setV(x); }}>
          <TabsList><TabsTrigger value="one">One</TabsTrigger><TabsTrigger value="two">Two</TabsTrigger><TabsTrigger value="locked">Locked</TabsTrigger></TabsList>
        </Tabs>
        <button id="ext" onClick={() => setV("two")}>external</button><span id="log">{log.join(",")}</span>
      </div>;
    }""",
    )
    page.click("#ext")
    assert page.get_by_role("tab", name="Two").get_attribute("aria-selected") == "true"
    page.get_by_role("tab", name="Locked").click()
    # the parent refused: a controlled component keeps showing the parent's value
    assert page.get_by_role("tab", name="Two").get_attribute("aria-selected") == "true"
    assert page.get_by_role("tab", name="Locked").get_attribute("aria-selected") == "false"
    assert "locked" in page.inner_text("#log")
    no_errors(page)


# --------------------------------------------------------------------------- checkbox, switch, radio


def test_checkbox_uncontrolled_controlled_and_label(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [c, setC] = React.useState(false);
      return <div className="space-y-2">
        <div><Checkbox id="u" /><Label htmlFor="u">Uncontrolled</Label></div>
        <div><Checkbox id="c" checked={c} onCheckedChange={setC} /><span id="cv">{String(c)}</span></div>
        <div><Checkbox id="i" checked="indeterminate" /></div>
        <div><Checkbox id="d" disabled /></div>
      </div>;
    }""",
    )
    u = page.locator("#u")
    assert u.get_attribute("role") == "checkbox"
    assert u.get_attribute("aria-checked") == "false" and u.get_attribute("data-state") == "unchecked"
    u.click()
    assert u.get_attribute("aria-checked") == "true" and u.get_attribute("data-state") == "checked"
    page.get_by_text("Uncontrolled").click()  # the label toggles its control
    assert u.get_attribute("aria-checked") == "false"
    u.focus()
    page.keyboard.press("Space")
    assert u.get_attribute("aria-checked") == "true"
    page.locator("#c").click()
    assert page.inner_text("#cv") == "true" and page.locator("#c").get_attribute("data-state") == "checked"
    assert page.locator("#i").get_attribute("aria-checked") == "mixed"
    assert page.locator("#i").get_attribute("data-state") == "indeterminate"
    page.locator("#d").click(force=True)
    assert page.locator("#d").get_attribute("aria-checked") == "false"
    no_errors(page)


def test_switch_toggles_and_controlled_switch_can_refuse(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [calls, setCalls] = React.useState(0);
      return <div>
        <Switch id="s" />
        <Switch id="locked" checked={false} onCheckedChange={() => setCalls(n => n + 1)} />
        <span id="calls">{calls}</span>
      </div>;
    }""",
    )
    s = page.locator("#s")
    assert s.get_attribute("role") == "switch" and s.get_attribute("aria-checked") == "false"
    s.click()
    assert s.get_attribute("aria-checked") == "true" and s.get_attribute("data-state") == "checked"
    thumb = s.locator("[data-slot=switch-thumb]")
    assert thumb.get_attribute("data-state") == "checked"
    page.locator("#locked").click()
    assert page.inner_text("#calls") == "1"
    assert page.locator("#locked").get_attribute("aria-checked") == "false"
    no_errors(page)


def test_radio_group_click_and_arrows(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [v, setV] = React.useState("a");
      return <div><RadioGroup value={v} onValueChange={setV}>
        <RadioGroupItem value="a" aria-label="A" /><RadioGroupItem value="b" aria-label="B" /><RadioGroupItem value="c" aria-label="C" />
      </RadioGroup><span id="v">{v}</span></div>;
    }""",
    )
    assert page.get_by_role("radiogroup").count() == 1
    radios = page.get_by_role("radio")
    assert radios.count() == 3
    assert radios.nth(0).get_attribute("aria-checked") == "true"
    radios.nth(2).click()
    assert page.inner_text("#v") == "c" and radios.nth(2).get_attribute("data-state") == "checked"
    assert radios.nth(0).get_attribute("aria-checked") == "false"
    page.keyboard.press("ArrowDown")  # wraps to the first
    assert page.inner_text("#v") == "a"
    page.keyboard.press("ArrowDown")
    assert page.inner_text("#v") == "b"
    no_errors(page)


# --------------------------------------------------------------------------- slider, progress


def test_slider_keyboard_pointer_and_callbacks(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [v, setV] = React.useState([50]);
      const [committed, setCommitted] = React.useState("");
      return <div className="w-[400px]">
        <Slider id="s" value={v} onValueChange={setV} onValueCommit={(x) => setCommitted(String(x))} max={100} step={5} />
        <span id="v">{v.join(",")}</span><span id="c">{committed}</span>
        <Slider id="u" defaultValue={[20, 80]} />
      </div>;
    }""",
    )
    thumb = page.locator("#s [role=slider]")
    assert thumb.get_attribute("aria-valuenow") == "50"
    assert thumb.get_attribute("aria-valuemin") == "0" and thumb.get_attribute("aria-valuemax") == "100"
    thumb.focus()
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#v") == "55" and thumb.get_attribute("aria-valuenow") == "55"
    assert page.inner_text("#c") == "55"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#v") == "45"
    page.keyboard.press("End")
    assert page.inner_text("#v") == "100"
    page.keyboard.press("ArrowRight")  # clamped at max
    assert page.inner_text("#v") == "100"
    page.keyboard.press("Home")
    assert page.inner_text("#v") == "0"
    # pointer: clicking three quarters along the track
    box = page.locator("#s").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)
    assert abs(int(page.inner_text("#v")) - 75) <= 5
    # uncontrolled range slider renders two thumbs that cannot cross
    thumbs = page.locator("#u [role=slider]")
    assert thumbs.count() == 2
    thumbs.nth(0).focus()
    page.keyboard.press("End")
    assert thumbs.nth(0).get_attribute("aria-valuenow") == "80"
    no_errors(page)


def test_progress_roles(page) -> None:
    H.open_app(
        page,
        """
    function App() { return <div><Progress id="p" value={33} /><Progress id="q" /></div>; }""",
    )
    p = page.locator("#p")
    assert p.get_attribute("role") == "progressbar" and p.get_attribute("aria-valuenow") == "33"
    assert p.get_attribute("data-state") == "loading"
    style = p.locator("[data-slot=progress-indicator]").get_attribute("style")
    assert "translateX(-67%)" in style
    assert page.locator("#q").get_attribute("data-state") == "indeterminate"
    assert page.locator("#q").get_attribute("aria-valuenow") is None
    no_errors(page)


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


# --------------------------------------------------------------------------- select


SELECT_APP = """
function App() {
  const [v, setV] = React.useState("");
  const [calls, setCalls] = React.useState([]);
  return <div className="space-y-2 w-56">
    <Select value={v} onValueChange={(x) => { setV(x); setCalls(c => [...c, x]); }}>
      <SelectTrigger id="trig"><SelectValue placeholder="Pick a fruit" /></SelectTrigger>
      <SelectContent>
        <SelectGroup><SelectLabel>Fruits</SelectLabel>
          <SelectItem value="apple">Apple</SelectItem>
          <SelectItem value="banana">Banana</SelectItem>
          <SelectItem value="blueberry" disabled>Blueberry</SelectItem>
          <SelectItem value="grapes">Grapes</SelectItem>
        </SelectGroup>
      </SelectContent>
    </Select>
    <span id="calls">{calls.join(",")}</span>
    <Select defaultValue="m"><SelectTrigger id="unc"><SelectValue /></SelectTrigger>
      <SelectContent><SelectItem value="s">Small</SelectItem><SelectItem value="m">Medium</SelectItem></SelectContent></Select>
  </div>;
}
"""


def test_select_mouse(page) -> None:
    H.open_app(page, SELECT_APP)
    trigger = page.locator("#trig")
    assert trigger.get_attribute("role") == "combobox"
    assert trigger.get_attribute("aria-expanded") == "false"
    assert trigger.inner_text() == "Pick a fruit"
    assert trigger.get_attribute("data-placeholder") == ""
    assert page.locator("#unc").inner_text() == "Medium"  # label of the default value while closed
    trigger.click()
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert trigger.get_attribute("aria-expanded") == "true" and trigger.get_attribute("data-state") == "open"
    assert page.get_by_role("option").count() == 4
    # opens below the trigger, at least as wide
    tb, lb = trigger.bounding_box(), listbox.bounding_box()
    assert lb["y"] >= tb["y"] + tb["height"]
    assert listbox.evaluate("e => e.offsetWidth") >= trigger.evaluate("e => e.offsetWidth")
    page.get_by_role("option", name="Banana").click()
    listbox.wait_for(state="detached")
    assert trigger.inner_text() == "Banana"
    assert trigger.get_attribute("data-placeholder") is None
    assert page.inner_text("#calls") == "banana"
    trigger.click()
    assert page.get_by_role("option", name="Banana").get_attribute("aria-selected") == "true"
    assert page.get_by_role("option", name="Banana").get_attribute("data-state") == "checked"
    page.get_by_role("option", name="Blueberry").click(force=True)  # disabled: nothing happens
    assert page.inner_text("#calls") == "banana"
    page.mouse.click(700, 500)  # outside closes
    listbox.wait_for(state="detached")
    no_errors(page)


def test_select_keyboard(page) -> None:
    H.open_app(page, SELECT_APP)
    trigger = page.locator("#trig")
    trigger.focus()
    page.keyboard.press("ArrowDown")
    page.get_by_role("listbox").wait_for()
    page.wait_for_function("document.activeElement.getAttribute('role') === 'option'")
    assert page.evaluate("document.activeElement.textContent") == "Apple"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # skips the disabled Blueberry
    assert page.evaluate("document.activeElement.textContent") == "Grapes"
    page.keyboard.press("Enter")
    page.get_by_role("listbox").wait_for(state="detached")
    assert trigger.inner_text() == "Grapes"
    assert page.evaluate("document.activeElement.id") == "trig"
    page.keyboard.press("Enter")
    page.get_by_role("listbox").wait_for()
    page.wait_for_function("document.activeElement.textContent === 'Grapes'")  # focus starts on the selected one
    page.keyboard.press("b")  # typeahead
    assert page.evaluate("document.activeElement.textContent") == "Banana"
    page.keyboard.press("Escape")
    page.get_by_role("listbox").wait_for(state="detached")
    assert trigger.inner_text() == "Grapes"
    assert page.inner_text("#calls") == "grapes"
    no_errors(page)


def test_select_inside_dialog_escape_closes_only_the_select(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <Dialog defaultOpen><DialogContent><DialogTitle>Pick</DialogTitle>
        <Select><SelectTrigger id="t"><SelectValue placeholder="Choose" /></SelectTrigger>
          <SelectContent><SelectItem value="x">Ex</SelectItem><SelectItem value="y">Why</SelectItem></SelectContent></Select>
      </DialogContent></Dialog>;
    }""",
    )
    page.get_by_role("dialog").wait_for()
    page.locator("#t").click()
    page.get_by_role("listbox").wait_for()
    page.get_by_role("option", name="Why").click()
    assert page.locator("#t").inner_text() == "Why"
    page.locator("#t").click()
    page.get_by_role("listbox").wait_for()
    page.keyboard.press("Escape")
    page.get_by_role("listbox").wait_for(state="detached")
    assert page.get_by_role("dialog").is_visible()
    page.keyboard.press("Escape")
    page.get_by_role("dialog").wait_for(state="detached")
    no_errors(page)


# --------------------------------------------------------------------------- dropdown menu


def test_dropdown_menu(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [picked, setPicked] = React.useState("");
      const [bar, setBar] = React.useState(true);
      const [pos, setPos] = React.useState("top");
      return <div>
        <DropdownMenu>
          <DropdownMenuTrigger asChild><Button id="trig" variant="outline">Open</Button></DropdownMenuTrigger>
          <DropdownMenuContent className="w-56">
            <DropdownMenuLabel>My Account</DropdownMenuLabel><DropdownMenuSeparator />
            <DropdownMenuGroup>
              <DropdownMenuItem onSelect={() => setPicked("profile")}>Profile<DropdownMenuShortcut>⇧⌘P</DropdownMenuShortcut></DropdownMenuItem>
              <DropdownMenuItem disabled>Billing</DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setPicked("settings")}>Settings</DropdownMenuItem>
              <DropdownMenuSub>
                <DropdownMenuSubTrigger>Invite users</DropdownMenuSubTrigger>
                <DropdownMenuPortal><DropdownMenuSubContent>
                  <DropdownMenuItem onSelect={() => setPicked("email")}>Email</DropdownMenuItem>
                  <DropdownMenuItem>Message</DropdownMenuItem>
                </DropdownMenuSubContent></DropdownMenuPortal>
              </DropdownMenuSub>
            </DropdownMenuGroup>
            <DropdownMenuSeparator />
            <DropdownMenuCheckboxItem checked={bar} onCheckedChange={setBar}>Status bar</DropdownMenuCheckboxItem>
            <DropdownMenuRadioGroup value={pos} onValueChange={setPos}>
              <DropdownMenuRadioItem value="top">Top</DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="bottom">Bottom</DropdownMenuRadioItem>
            </DropdownMenuRadioGroup>
          </DropdownMenuContent>
        </DropdownMenu>
        <span id="state">{picked}|{String(bar)}|{pos}</span>
      </div>;
    }""",
    )
    trig = page.locator("#trig")
    assert trig.get_attribute("aria-haspopup") == "menu"
    trig.click()
    menu = page.get_by_role("menu")
    menu.wait_for()
    assert trig.get_attribute("aria-expanded") == "true" and trig.get_attribute("data-state") == "open"
    assert page.get_by_role("menuitem").count() == 4  # Profile, Billing, Settings, Invite users
    assert page.get_by_role("menuitemcheckbox").get_attribute("aria-checked") == "true"
    assert page.get_by_role("menuitemradio", name="Top").get_attribute("aria-checked") == "true"
    page.get_by_role("menuitem", name="Settings").click()
    menu.wait_for(state="detached")
    assert page.inner_text("#state") == "settings|true|top"
    # keyboard: open with Enter, first item focused, arrows skip disabled items
    trig.focus()
    page.keyboard.press("Enter")
    menu.wait_for()
    page.wait_for_function("document.activeElement.textContent.startsWith('Profile')")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Settings"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Invite users"
    page.keyboard.press("ArrowRight")  # opens the submenu and focuses its first item
    page.wait_for_function("document.activeElement.textContent === 'Email'")
    assert page.get_by_role("menu").count() == 2
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("document.activeElement.textContent === 'Invite users'")
    assert page.get_by_role("menu").count() == 1
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.textContent === 'Email'")
    page.keyboard.press("Enter")
    menu.wait_for(state="detached")
    assert page.inner_text("#state") == "email|true|top"
    assert page.evaluate("document.activeElement.id") == "trig"
    # checkbox and radio items (the menu closes after each select)
    trig.click()
    page.get_by_role("menuitemcheckbox").click()
    trig.click()
    page.get_by_role("menuitemradio", name="Bottom").click()
    assert page.inner_text("#state") == "email|false|bottom"
    # Escape and outside clicks close it
    trig.click()
    menu.wait_for()
    page.keyboard.press("Escape")
    menu.wait_for(state="detached")
    trig.click()
    menu.wait_for()
    page.mouse.click(700, 600)
    menu.wait_for(state="detached")
    # hovering the sub trigger opens the submenu
    trig.click()
    page.get_by_role("menuitem", name="Invite users").hover()
    page.get_by_role("menuitem", name="Email").wait_for()
    page.get_by_role("menuitem", name="Profile").hover()
    page.get_by_role("menuitem", name="Email").wait_for(state="detached")
    no_errors(page)


# --------------------------------------------------------------------------- accordion, collapsible


def test_accordion_single_and_multiple(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div>
        <Accordion id="single" type="single" collapsible>
          <AccordionItem value="a"><AccordionTrigger>First</AccordionTrigger><AccordionContent>One</AccordionContent></AccordionItem>
          <AccordionItem value="b"><AccordionTrigger>Second</AccordionTrigger><AccordionContent>Two</AccordionContent></AccordionItem>
        </Accordion>
        <Accordion id="strict" type="single" defaultValue="x">
          <AccordionItem value="x"><AccordionTrigger>Ex</AccordionTrigger><AccordionContent>X body</AccordionContent></AccordionItem>
        </Accordion>
        <Accordion id="multi" type="multiple">
          <AccordionItem value="m1"><AccordionTrigger>M1</AccordionTrigger><AccordionContent>M1 body</AccordionContent></AccordionItem>
          <AccordionItem value="m2"><AccordionTrigger>M2</AccordionTrigger><AccordionContent>M2 body</AccordionContent></AccordionItem>
        </Accordion>
      </div>;
    }""",
    )
    first = page.get_by_role("button", name="First")
    second = page.get_by_role("button", name="Second")
    assert first.get_attribute("aria-expanded") == "false" and page.get_by_text("One").count() == 0
    first.click()
    assert first.get_attribute("aria-expanded") == "true" and first.get_attribute("data-state") == "open"
    assert page.get_by_role("region", name="First").inner_text() == "One"
    second.click()  # single: opening one closes the other
    assert first.get_attribute("aria-expanded") == "false" and second.get_attribute("aria-expanded") == "true"
    second.click()  # collapsible
    assert second.get_attribute("aria-expanded") == "false"
    ex = page.get_by_role("button", name="Ex")
    assert ex.get_attribute("aria-disabled") == "true"  # open and not collapsible, as in Radix
    ex.click(force=True)  # stays open
    assert ex.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="M1").click()
    page.get_by_role("button", name="M2").click()
    assert page.get_by_text("M1 body").is_visible() and page.get_by_text("M2 body").is_visible()
    page.get_by_role("button", name="M1").click()
    assert page.get_by_text("M1 body").count() == 0
    # keyboard: arrows move between triggers of one accordion
    first.focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Second"
    no_errors(page)


def test_collapsible(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <Collapsible><CollapsibleTrigger asChild><Button>Toggle</Button></CollapsibleTrigger>
        <CollapsibleContent>Hidden stuff</CollapsibleContent></Collapsible>;
    }""",
    )
    assert page.get_by_text("Hidden stuff").count() == 0
    page.get_by_role("button", name="Toggle").click()
    assert page.get_by_text("Hidden stuff").is_visible()
    no_errors(page)


# --------------------------------------------------------------------------- tooltip, popover


def test_tooltip_hover_focus_and_escape(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <TooltipProvider delayDuration={50}><div className="p-10 flex gap-4">
        <Tooltip><TooltipTrigger asChild><Button id="t">Hover me</Button></TooltipTrigger><TooltipContent>Add to library</TooltipContent></Tooltip>
        <Button id="other">Other</Button>
        <Tooltip><TooltipTrigger id="bare">No provider</TooltipTrigger><TooltipContent side="bottom">Works too</TooltipContent></Tooltip>
      </div></TooltipProvider>;
    }""",
    )
    assert page.get_by_role("tooltip").count() == 0
    page.hover("#t")
    tip = page.get_by_role("tooltip")
    tip.wait_for()
    assert tip.inner_text() == "Add to library"
    assert page.locator("#t").get_attribute("aria-describedby") == tip.get_attribute("id")
    tb, bb = tip.bounding_box(), page.locator("#t").bounding_box()
    assert tb["y"] + tb["height"] <= bb["y"]  # above the trigger by default
    page.hover("#other")
    tip.wait_for(state="detached")
    page.focus("#t")
    tip.wait_for()
    page.keyboard.press("Escape")
    tip.wait_for(state="detached")
    page.hover("#bare")
    page.get_by_role("tooltip", name="Works too").wait_for()
    no_errors(page)


def test_tooltip_without_provider(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div className="p-10"><Tooltip delayDuration={0}><TooltipTrigger>Bare</TooltipTrigger>
        <TooltipContent><p>Alone</p></TooltipContent></Tooltip></div>;
    }""",
    )
    page.hover("text=Bare")
    page.get_by_role("tooltip").wait_for()
    no_errors(page)


def test_popover(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div className="p-10"><Popover>
        <PopoverTrigger asChild><Button variant="outline" id="p">Open popover</Button></PopoverTrigger>
        <PopoverContent className="w-80"><div className="grid gap-2"><Label htmlFor="width">Width</Label><Input id="width" defaultValue="100%" /></div></PopoverContent>
      </Popover></div>;
    }""",
    )
    page.click("#p")
    dlg = page.get_by_role("dialog")
    dlg.wait_for()
    assert page.locator("#p").get_attribute("aria-expanded") == "true"
    page.wait_for_function("document.activeElement.id === 'width'")
    assert dlg.evaluate("e => e.offsetWidth") == 320  # className w-80 replaced w-72
    page.click("#p")  # the trigger toggles it closed
    dlg.wait_for(state="detached")
    page.click("#p")
    dlg.wait_for()
    page.keyboard.press("Escape")
    dlg.wait_for(state="detached")
    assert page.evaluate("document.activeElement.id") == "p"
    page.click("#p")
    dlg.wait_for()
    page.mouse.click(900, 600)
    dlg.wait_for(state="detached")
    no_errors(page)


# --------------------------------------------------------------------------- class merging


def test_artifact_classes_win_over_component_defaults(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div className="space-y-2">
        <Button id="plain">Plain</Button>
        <Button id="green" className="bg-emerald-600 p-2 rounded-full text-lg">Green</Button>
        <Button id="link" asChild className="bg-emerald-600"><a href="#x">Link</a></Button>
        <Badge id="badge" className="bg-red-500 text-white">B</Badge>
        <Card id="card" className="p-8 border-2 border-blue-500"><CardContent id="cc" className="pt-6">x</CardContent></Card>
        <Input id="inp" className="h-12 w-40" />
      </div>;
    }""",
    )
    style = lambda sel, prop: page.locator(sel).evaluate(f"e => getComputedStyle(e).{prop}")  # noqa: E731
    assert style("#plain", "backgroundColor") == PRIMARY
    assert style("#green", "backgroundColor") == EMERALD_600
    assert style("#green", "paddingLeft") == "8px" and style("#green", "paddingTop") == "8px"
    assert style("#green", "height") == "40px"  # h-10 kept
    assert style("#green", "fontSize") == "18px"
    assert style("#green", "borderTopLeftRadius") != "6px"
    cls = page.locator("#green").get_attribute("class")
    assert "bg-primary " not in cls + " " and "px-4" not in cls and "py-2" not in cls and "text-sm" not in cls
    assert "text-primary-foreground" in cls  # a color does not conflict with a size
    assert page.locator("#link").evaluate("e => e.tagName") == "A"
    assert style("#link", "backgroundColor") == EMERALD_600
    assert style("#badge", "backgroundColor") == "oklch(0.637 0.237 25.331)"  # red-500
    assert style("#card", "paddingTop") == "32px" and style("#card", "borderTopWidth") == "2px"
    assert style("#card", "borderTopColor") == "oklch(0.623 0.214 259.815)"  # blue-500
    assert style("#cc", "paddingTop") == "24px" and style("#cc", "paddingLeft") == "24px"
    assert style("#inp", "height") == "48px" and style("#inp", "width") == "160px"
    no_errors(page)


CN_CASES = [
    # (args as JSON, expected)
    (["px-2 py-1 bg-red-500", "p-3 bg-[#B91C1C]"], "p-3 bg-[#B91C1C]"),
    (["bg-slate-900 px-4 py-2", "bg-emerald-600 p-2"], "bg-emerald-600 p-2"),
    (["p-3", "px-5"], "p-3 px-5"),
    (["text-sm text-red-500", "text-lg"], "text-red-500 text-lg"),
    (["text-sm", "text-muted-foreground"], "text-sm text-muted-foreground"),
    (["font-medium", "font-bold font-mono"], "font-bold font-mono"),
    (["hover:bg-primary/90 bg-primary", "hover:bg-emerald-700"], "bg-primary hover:bg-emerald-700"),
    (
        ["data-[state=open]:bg-accent", "data-[state=open]:bg-white data-[state=closed]:bg-black"],
        "data-[state=open]:bg-white data-[state=closed]:bg-black",
    ),
    (["hover:focus:bg-red-500", "focus:hover:bg-blue-500"], "focus:hover:bg-blue-500"),
    (["md:w-10 w-4", "md:w-20"], "w-4 md:w-20"),
    (["border border-input", "border-2 border-red-500"], "border-2 border-red-500"),
    (["border-x-2 border-t", "border"], "border"),
    (["rounded-md rounded-tl-none", "rounded-lg"], "rounded-lg"),
    (["rounded-lg", "rounded-t-none"], "rounded-lg rounded-t-none"),
    (["shadow-sm", "shadow-lg shadow-black/5"], "shadow-lg shadow-black/5"),
    (["ring-2 ring-ring ring-offset-2", "ring-0 ring-blue-500"], "ring-offset-2 ring-0 ring-blue-500"),
    (["outline-none", "outline-2 outline-red-500"], "outline-none outline-2 outline-red-500"),
    (["block flex-col", "hidden"], "flex-col hidden"),
    (["absolute inset-0", "relative top-2"], "inset-0 relative top-2"),
    (["top-0 left-0", "inset-2"], "inset-2"),
    (["h-10 w-10", "size-8"], "size-8"),
    (
        ["flex-row justify-start items-center", "flex-col justify-between items-start"],
        "flex-col justify-between items-start",
    ),
    (["grid-cols-2 gap-4", "grid-cols-[1fr_auto] gap-x-2"], "gap-4 grid-cols-[1fr_auto] gap-x-2"),
    (["gap-x-2 gap-y-1", "gap-3"], "gap-3"),
    (["opacity-50 z-10 cursor-pointer", "opacity-100 z-50 cursor-not-allowed"], "opacity-100 z-50 cursor-not-allowed"),
    (["overflow-x-auto overflow-y-hidden", "overflow-hidden"], "overflow-hidden"),
    (["min-w-0 max-w-lg min-h-0 max-h-96", "min-w-[8rem] max-w-md"], "min-h-0 max-h-96 min-w-[8rem] max-w-md"),
    (["mt-2 mx-auto", "m-0"], "m-0"),
    (["-mt-2", "mt-4"], "mt-4"),
    (["bg-cover bg-red-500", "bg-blue-500"], "bg-cover bg-blue-500"),
    (["bg-gradient-to-r from-red-500", "bg-white"], "bg-gradient-to-r from-red-500 bg-white"),
    (["text-[14px] text-[#333]", "text-base"], "text-[#333] text-base"),
    (["leading-6", "text-sm/7"], "text-sm/7"),
    (["!p-2", "p-4"], "!p-2 p-4"),
    (["my-card header", "my-card"], "header my-card"),
    (["peer size-4", "[&>svg]:size-3"], "peer size-4 [&>svg]:size-3"),
    (["w-full", None, False, {"w-1/2": True, "hidden": False}, ["opacity-0", ["opacity-100"]]], "w-1/2 opacity-100"),
    (["transition-colors duration-200", "transition-all duration-500"], "transition-all duration-500"),
    (["stroke-2 stroke-red-500", "stroke-1"], "stroke-red-500 stroke-1"),
    (["top-bar", "top-0"], "top-bar top-0"),
]


def test_cn_cases_in_the_page(page) -> None:
    H.open_app(page, "function App() { return <div/>; }")
    results = page.evaluate(
        "(cases) => cases.map(args => window.__artifactsUI.cn(...args))",
        [args for args, _ in CN_CASES],
    )
    failures = [
        f"cn({json.dumps(args)}) = {got!r}, expected {want!r}"
        for (args, want), got in zip(CN_CASES, results, strict=True)
        if got != want
    ]
    assert not failures, "\n".join(failures)


def test_theme_variables_and_dark_class(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div><div id="light"><Button>Light</Button></div><div className="dark"><Button id="dark">Dark</Button></div>
        <p id="muted" className="text-muted-foreground">muted</p></div>;
    }""",
    )
    assert page.locator("#light button").evaluate("e => getComputedStyle(e).backgroundColor") == PRIMARY
    assert page.locator("#dark").evaluate("e => getComputedStyle(e).backgroundColor") == "oklch(0.922 0 0)"
    assert page.locator("#muted").evaluate("e => getComputedStyle(e).color") == "oklch(0.556 0 0)"
    assert page.evaluate("document.querySelectorAll('#artifacts-ui-theme').length") == 1
    assert page.evaluate("document.getElementById('artifacts-ui-theme').type") == "text/tailwindcss"
    no_errors(page)


def test_toggle_and_toggle_group(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [v, setV] = React.useState("left");
      return <div>
        <Toggle id="b" aria-label="Bold">B</Toggle>
        <ToggleGroup type="single" value={v} onValueChange={setV}>
          <ToggleGroupItem value="left">L</ToggleGroupItem><ToggleGroupItem value="right">R</ToggleGroupItem></ToggleGroup>
        <span id="v">{v}</span></div>;
    }""",
    )
    b = page.locator("#b")
    assert b.get_attribute("aria-pressed") == "false" and b.get_attribute("data-state") == "off"
    b.click()
    assert b.get_attribute("aria-pressed") == "true" and b.get_attribute("data-state") == "on"
    page.get_by_text("R", exact=True).click()
    assert page.inner_text("#v") == "right"
    no_errors(page)
