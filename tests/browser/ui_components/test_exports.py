"""The shadcn-style components (``artifacts_runtime/page/ui-*.js``) in real headless Chromium:
every module's exports, the variant helpers, and a demo page of them all.

Each test renders a small JSX ``App`` with React 18, Tailwind's v4 browser build and Babel
(see ``tests/browser/ui_harness.py``) and drives it like a user: clicks, keys, hovers."""

from __future__ import annotations

import pytest

from tests.browser import ui_harness as H
from tests.browser.ui_components.support import (
    PRIMARY,
    no_errors,
    wait_for_animations,
)

pytestmark = pytest.mark.slow

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
