package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The browser tests open index.html in headless Chromium, driven over the
// DevTools protocol on a pipe (--remote-debugging-pipe: commands on the
// child's fd 3, replies and events on its fd 4, each message JSON ended by
// a NUL byte). The protocol reports every console message, uncaught
// exception and network request, which the command-line switches
// (--dump-dom, --screenshot) do not.

// browserNames are the executables tried, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// The deadlines hold on a busy two-core machine running the race detector.
// Measured with -race and 16 busy loops on two cores: TestReportInBrowser
// took up to 45 s (its seeds run included), its slowest step (a screenshot
// of the whole report) 8 s; with 2 busy loops, 14 s and 3 s. A browser that
// starts and then hangs or crashes fails the test; only a missing browser
// skips it.
const (
	// browserStep bounds each DevTools command, and each wait for an
	// event, from the moment it is sent.
	browserStep = 2 * time.Minute
	// browserTest bounds a whole browser test, from the start of its
	// browser; it is cut short to end 30 s before go test's own -timeout.
	browserTest = 5 * time.Minute
)

// findBrowser returns a Chromium on PATH or skips the test: the only
// reason a browser test skips.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, n := range browserNames {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Skipf("no Chromium or Chrome: none of %v is on PATH; install one (apt-get install chromium) to run the browser tests", browserNames)
	return ""
}

// pageCheck is what a page did while it loaded and rendered.
type pageCheck struct {
	Console  []string          // console errors, uncaught exceptions, CSP violations
	Requests []string          // URLs requested other than file: and data:
	Figures  int               // div.figure elements
	Problems []string          // figures that did not render
	PNG      []byte            // screenshot of the whole page
	Sections map[string][]byte // screenshots by section id and screen, e.g. "framing-2"
	Layout   pageLayout        // widths and what sticks out
}

// pageLayout is how the page fits its viewport (see measureLayout).
type pageLayout struct {
	Viewport    float64  // the viewport's width, CSS pixels
	ScrollWidth float64  // the document's width: more than Viewport scrolls sideways
	Wide        []string // elements whose right edge passes the viewport
	// Tall names the figures taller than MaxFigure (when set).
	Tall []string
}

// viewport is the window a page is inspected in. The zero value is the
// browser's own 1400 × 900 screen.
type viewport struct {
	// Width emulates a device this many CSS pixels wide (0: the window's);
	// below 600 it is a phone: a mobile viewport that honours the page's
	// meta viewport, as Chrome on a phone does.
	Width int
	// Print emulates the print media type (@media print) instead of the
	// screen.
	Print bool
	// MaxFigure, when set, is the tallest a figure may be drawn (CSS
	// pixels), e.g. a printed page's height.
	MaxFigure float64
}

// measureLayout resolves to the viewport width, the document's scroll
// width and the elements that pass the viewport's right edge, named by
// tag, class and the start of their text. Inside a box that scrolls on
// its own (overflow-x auto or scroll: wide tables) nothing counts, except
// in print, where nothing scrolls. It takes the tallest figure allowed as
// its argument (0: any).
const measureLayout = `(function (maxFigure) {
  var vw = document.documentElement.clientWidth;
  var printing = matchMedia("print").matches;
  function scrolls(e) {
    for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      var o = getComputedStyle(p).overflowX;
      if (!printing && (o === "auto" || o === "scroll")) return true;
    }
    return false;
  }
  function name(e) {
    var t = (e.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
    return e.localName + (e.className && e.className.baseVal === undefined ? "." + e.className : "") + " (" + t + ")";
  }
  var wide = [], tall = [];
  var all = document.body.querySelectorAll("*");
  for (var i = 0; i < all.length; i++) {
    var e = all[i];
    if (e.closest("svg") && e.localName !== "svg") continue;
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 0.5 && !scrolls(e)) {
      wide.push(name(e) + ": right edge at " + Math.round(r.right) + " px");
    }
  }
  if (maxFigure > 0) {
    document.querySelectorAll("div.figure svg").forEach(function (s) {
      var r = s.getBoundingClientRect();
      if (r.height > maxFigure + 0.5) {
        var h = s.closest(".block") && s.closest(".block").querySelector("h3");
        tall.push((h ? h.textContent : "a figure") + ": " + Math.round(r.height) + " px tall");
      }
    });
  }
  return JSON.stringify({viewport: vw, scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 20), tall: tall});
})`

// failures lists everything wrong with the page, one line each.
func (p *pageCheck) failures() []string {
	var out []string
	for _, c := range p.Console {
		out = append(out, "console: "+c)
	}
	for _, u := range p.Requests {
		out = append(out, "request: "+u)
	}
	for _, f := range p.Problems {
		out = append(out, "figure: "+f)
	}
	if l := p.Layout; l.ScrollWidth > l.Viewport {
		out = append(out, fmt.Sprintf("layout: the page is %v px wide in a %v px viewport: it scrolls sideways", l.ScrollWidth, l.Viewport))
	}
	for _, w := range p.Layout.Wide {
		out = append(out, "layout: wider than the viewport: "+w)
	}
	for _, h := range p.Layout.Tall {
		out = append(out, "layout: taller than a page: "+h)
	}
	return out
}

// cdpMsg is a DevTools protocol message: a reply (ID set) or an event.
type cdpMsg struct {
	ID        int             `json:"id"`
	Method    string          `json:"method"`
	Params    json.RawMessage `json:"params"`
	Result    json.RawMessage `json:"result"`
	Error     *struct{ Message string }
	SessionID string `json:"sessionId"`
}

// browser is one Chromium process driven over its debugging pipe.
type browser struct {
	cmd     *exec.Cmd
	in      io.WriteCloser // the child's fd 3
	msgs    chan cdpMsg    // closed when the child closes fd 4
	next    int
	session string   // the page commands go to; "" for the browser
	events  []cdpMsg // events received, of every session
	// deadline ends every command of the test; see browserTest.
	deadline time.Time
}

func startBrowser(t *testing.T, exe string) *browser {
	t.Helper()
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe,
		"--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update",
		"--no-first-run", "--disable-sync", "--disable-extensions",
		"--force-device-scale-factor=1",
		// No name resolves: a request that escapes the checks below
		// still never leaves the machine, and fails at once.
		"--host-resolver-rules=MAP * ~NOTFOUND",
		"--window-size=1400,900",
		"--user-data-dir="+t.TempDir(),
		"--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{cmdR, outW}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	cmdR.Close()
	outW.Close()
	b := &browser{cmd: cmd, in: cmdW, msgs: make(chan cdpMsg, 64), deadline: time.Now().Add(browserTest)}
	if d, ok := t.Deadline(); ok && d.Add(-30*time.Second).Before(b.deadline) {
		b.deadline = d.Add(-30 * time.Second)
	}
	go func() { // ends when the browser exits and fd 4 closes
		defer close(b.msgs)
		defer outR.Close()
		r := bufio.NewReader(outR)
		for {
			line, err := r.ReadBytes(0)
			if err != nil {
				return
			}
			var m cdpMsg
			if json.Unmarshal(line[:len(line)-1], &m) == nil {
				b.msgs <- m
			}
		}
	}()
	t.Cleanup(func() {
		b.in.Close() // Chromium exits when its command pipe closes
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		for range b.msgs { // drain so the reader ends
		}
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("browser stderr (last 2000 bytes):\n%s", tail(stderr.String(), 2000))
		}
	})
	return b
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// call sends a command to the attached page (or to the browser before
// attach) and waits for its reply, keeping the events that arrive meanwhile.
func (b *browser) call(ctx context.Context, method string, params any, result any) error {
	ctx, cancel := stepContext(ctx)
	defer cancel()
	b.next++
	id := b.next
	m := map[string]any{"id": id, "method": method}
	if params != nil {
		m["params"] = params
	}
	if b.session != "" {
		m["sessionId"] = b.session
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if _, err := b.in.Write(append(data, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", method, context.Cause(ctx))
		case msg, ok := <-b.msgs:
			if !ok {
				return fmt.Errorf("%s: browser exited", method)
			}
			if msg.ID != id {
				if msg.Method != "" {
					b.events = append(b.events, msg)
				}
				continue
			}
			if msg.Error != nil {
				return fmt.Errorf("%s: %s", method, msg.Error.Message)
			}
			if result != nil {
				return json.Unmarshal(msg.Result, result)
			}
			return nil
		}
	}
}

// waitEvent waits for an event of the current session named method,
// keeping the others.
func (b *browser) waitEvent(ctx context.Context, method string) error {
	ctx, cancel := stepContext(ctx)
	defer cancel()
	for _, e := range b.events {
		if e.Method == method && e.SessionID == b.session {
			return nil
		}
	}
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", method, context.Cause(ctx))
		case msg, ok := <-b.msgs:
			if !ok {
				return fmt.Errorf("waiting for %s: browser exited", method)
			}
			if msg.Method != "" {
				b.events = append(b.events, msg)
			}
			if msg.Method == method && msg.SessionID == b.session {
				return nil
			}
		}
	}
}

// stepContext bounds one step (a command or a wait for an event) by
// browserStep, within the test's deadline.
func stepContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, browserStep, fmt.Errorf("no answer within %v (browserStep): %w", browserStep, context.DeadlineExceeded))
}

// reportCSP runs before the page's own script. It turns CSP violations
// into console errors, whatever the browser's own logging of them, and
// dialogs (which would block the page) too.
const reportCSP = `document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at line " + e.lineNumber);
});
["alert", "confirm", "prompt"].forEach(function (f) {
  window[f] = function (m) { console.error(f + ": " + m); };
});`

// checkFigures lists the figures that did not render: no <svg>, an empty
// box on the page, nothing drawn, or an embedded image that does not
// decode. A figure of a choice the page's chooser hides (.choice[hidden])
// has no box and is passed over: TestExploreInBrowser shows one and checks
// it. It resolves to JSON {figures, problems}.
const checkFigures = `(async function () {
  var problems = [];
  var figs = document.querySelectorAll("div.figure");
  for (var i = 0; i < figs.length; i++) {
    var f = figs[i];
    if (f.closest(".choice[hidden]")) continue;
    var h = f.closest(".block") && f.closest(".block").querySelector("h3");
    var name = "figure " + (i + 1) + (h ? " (" + h.textContent + ")" : "");
    var svg = f.querySelector("svg");
    if (!svg) { problems.push(name + ": no <svg>"); continue; }
    var w = svg.width.baseVal.value, ht = svg.height.baseVal.value, vb = svg.viewBox.baseVal;
    if (!(w > 0 && ht > 0) && !(vb && vb.width > 0 && vb.height > 0)) {
      problems.push(name + ": no width/height or viewBox");
    }
    var r = svg.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) { problems.push(name + ": box is " + r.width + "x" + r.height); continue; }
    var bb = svg.getBBox();
    if (!(bb.width > 0 && bb.height > 0)) problems.push(name + ": draws nothing");
    var imgs = svg.querySelectorAll("image");
    for (var j = 0; j < imgs.length; j++) {
      var im = new Image();
      im.src = imgs[j].href.baseVal;
      try { await im.decode(); } catch (e) { problems.push(name + ": image " + (j + 1) + " does not decode"); }
    }
  }
  return JSON.stringify({figures: figs.length, problems: problems});
})()`

// sectionBoxes resolves to the page boxes of the header and of every
// section with an id.
const sectionBoxes = `JSON.stringify(Array.prototype.map.call(document.querySelectorAll("header, section[id]"), function (s) {
  var r = s.getBoundingClientRect();
  return {id: s.id || s.localName, x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};
}))`

// inspect opens the HTML file at path in a new browser; see
// browser.inspect.
func inspect(t *testing.T, path string, sections bool) *pageCheck {
	t.Helper()
	return startBrowser(t, findBrowser(t)).inspect(t, path, sections)
}

// inspect opens the HTML file at path in a new tab, waits until it has
// loaded and rendered, and reports what it did. With sections, it also
// takes a screenshot of the header and of each section[id], a screen at a
// time.
func (b *browser) inspect(t *testing.T, path string, sections bool) *pageCheck {
	t.Helper()
	return b.inspectIn(t, path, sections, viewport{})
}

// inspectIn is inspect in the viewport vp.
func (b *browser) inspectIn(t *testing.T, path string, sections bool, vp viewport) *pageCheck {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithDeadlineCause(context.Background(), b.deadline,
		fmt.Errorf("the browser test ran past its deadline (browserTest %v, or go test's -timeout less 30 s): %w", browserTest, context.DeadlineExceeded))
	defer cancel()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("browser: %v", err)
		}
	}
	var target struct{ TargetID string }
	must(b.call(ctx, "Target.createTarget", map[string]any{"url": "about:blank"}, &target))
	var att struct{ SessionID string }
	must(b.call(ctx, "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att))
	b.session = att.SessionID
	defer func() {
		b.session = ""
		_ = b.call(ctx, "Target.closeTarget", map[string]any{"targetId": target.TargetID}, nil)
	}()
	for _, d := range []string{"Runtime.enable", "Log.enable", "Network.enable", "Page.enable"} {
		must(b.call(ctx, d, nil, nil))
	}
	if vp.Width > 0 {
		must(b.call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
			"width": vp.Width, "height": 900, "deviceScaleFactor": 1, "mobile": vp.Width < 600,
		}, nil))
		// The whole width is the page's, as on a phone or paper.
		must(b.call(ctx, "Emulation.setScrollbarsHidden", map[string]any{"hidden": true}, nil))
	}
	if vp.Print {
		must(b.call(ctx, "Emulation.setEmulatedMedia", map[string]any{"media": "print"}, nil))
	}
	must(b.call(ctx, "Page.addScriptToEvaluateOnNewDocument", map[string]any{"source": reportCSP}, nil))
	b.events = nil // about:blank's, and earlier pages'
	url := "file://" + filepath.ToSlash(abs)
	var nav struct{ ErrorText string }
	must(b.call(ctx, "Page.navigate", map[string]any{"url": url}, &nav))
	if nav.ErrorText != "" {
		t.Fatalf("navigate %s: %s", url, nav.ErrorText)
	}
	must(b.waitEvent(ctx, "Page.loadEventFired"))

	p := &pageCheck{}
	var ev struct {
		Result           struct{ Value string }
		ExceptionDetails *struct{ Text string }
	}
	// Two frames and a pause let late script and layout finish.
	must(b.call(ctx, "Runtime.evaluate", map[string]any{"expression": `new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(r, 100); }); }); })`, "awaitPromise": true}, nil))
	must(b.call(ctx, "Runtime.evaluate", map[string]any{"expression": checkFigures, "awaitPromise": true, "returnByValue": true}, &ev))
	if ev.ExceptionDetails != nil {
		t.Fatalf("figure check threw: %s", ev.ExceptionDetails.Text)
	}
	var figs struct {
		Figures  int
		Problems []string
	}
	must(json.Unmarshal([]byte(ev.Result.Value), &figs))
	p.Figures, p.Problems = figs.Figures, figs.Problems
	ev.Result.Value = ""
	must(b.call(ctx, "Runtime.evaluate", map[string]any{"expression": fmt.Sprintf("%s(%g)", measureLayout, vp.MaxFigure), "returnByValue": true}, &ev))
	if ev.ExceptionDetails != nil {
		t.Fatalf("layout check threw: %s", ev.ExceptionDetails.Text)
	}
	must(json.Unmarshal([]byte(ev.Result.Value), &p.Layout))

	var lm struct {
		CSSContentSize struct{ Width, Height float64 }
	}
	must(b.call(ctx, "Page.getLayoutMetrics", nil, &lm))
	p.PNG = screenshot(ctx, t, b, 0, 0, lm.CSSContentSize.Width, lm.CSSContentSize.Height)
	if sections {
		ev.Result.Value = ""
		must(b.call(ctx, "Runtime.evaluate", map[string]any{"expression": sectionBoxes, "returnByValue": true}, &ev))
		var boxes []struct {
			ID                  string
			X, Y, Width, Height float64
		}
		must(json.Unmarshal([]byte(ev.Result.Value), &boxes))
		p.Sections = map[string][]byte{}
		// One screenshot per section and per screen of it (a tall image is
		// hard to look at), with a little of the page around the edges.
		const screen = 1000
		for _, s := range boxes {
			for i, y := 1, max(s.Y-8, 0); y < s.Y+s.Height+8; i, y = i+1, y+screen {
				h := min(screen, s.Y+s.Height+8-y)
				p.Sections[fmt.Sprintf("%s-%d", s.ID, i)] = screenshot(ctx, t, b, 0, y, lm.CSSContentSize.Width, h)
			}
		}
	}

	// Everything reported so far, including events during the screenshots.
	must(b.call(ctx, "Runtime.evaluate", map[string]any{"expression": "0"}, nil))
	for _, e := range b.events {
		if e.SessionID != b.session {
			continue
		}
		if msg := eventProblem(e); msg != "" {
			p.Console = append(p.Console, msg)
		}
		if e.Method == "Network.requestWillBeSent" {
			var r struct{ Request struct{ URL string } }
			if json.Unmarshal(e.Params, &r) == nil && !strings.HasPrefix(r.Request.URL, "file:") && !strings.HasPrefix(r.Request.URL, "data:") {
				p.Requests = append(p.Requests, r.Request.URL)
			}
		}
	}
	return p
}

// eventProblem describes a console error, an uncaught exception or a
// logged error (CSP and network errors go there), or returns "".
func eventProblem(e cdpMsg) string {
	switch e.Method {
	case "Runtime.consoleAPICalled":
		var c struct {
			Type string
			Args []struct {
				Value       any
				Description string
			}
		}
		if json.Unmarshal(e.Params, &c) != nil || (c.Type != "error" && c.Type != "assert") {
			return ""
		}
		var parts []string
		for _, a := range c.Args {
			if a.Value != nil {
				parts = append(parts, fmt.Sprint(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		return "console." + c.Type + ": " + strings.Join(parts, " ")
	case "Runtime.exceptionThrown":
		var x struct {
			ExceptionDetails struct {
				Text      string
				Exception struct{ Description string }
			}
		}
		_ = json.Unmarshal(e.Params, &x)
		return "uncaught: " + x.ExceptionDetails.Text + " " + x.ExceptionDetails.Exception.Description
	case "Log.entryAdded":
		var l struct {
			Entry struct{ Source, Level, Text, URL string }
		}
		if json.Unmarshal(e.Params, &l) != nil || l.Entry.Level != "error" {
			return ""
		}
		return "log (" + l.Entry.Source + "): " + l.Entry.Text + " " + l.Entry.URL
	}
	return ""
}

// screenshot captures a region of the page, in CSS pixels, as PNG.
func screenshot(ctx context.Context, t *testing.T, b *browser, x, y, w, h float64) []byte {
	t.Helper()
	var shot struct{ Data string }
	err := b.call(ctx, "Page.captureScreenshot", map[string]any{
		"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": x, "y": y, "width": w, "height": h, "scale": 1},
	}, &shot)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return png
}

// saveShots writes the screenshots to the test's temporary folder and, if
// STYLOMETER_SCREENSHOTS names a folder, there too.
func saveShots(t *testing.T, name string, p *pageCheck) {
	t.Helper()
	dirs := []string{t.TempDir()}
	if d := os.Getenv("STYLOMETER_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		write := func(file string, png []byte) {
			if err := os.WriteFile(filepath.Join(d, file), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write(name+".png", p.PNG)
		for id, png := range p.Sections {
			write(name+"-"+id+".png", png)
		}
	}
	t.Logf("screenshots of %s in %v", name, dirs)
}

func TestReportInBrowser(t *testing.T) {
	b := startBrowser(t, findBrowser(t))
	out := seedsRun(t)
	p := b.inspect(t, filepath.Join(out, "index.html"), os.Getenv("STYLOMETER_SCREENSHOTS") != "")
	saveShots(t, "report", p)
	if p.Figures == 0 {
		t.Error("the report shows no figure")
	}
	for _, f := range p.failures() {
		t.Error(f)
	}

	// The same check on a copy of the report with a remote image and a
	// console error injected must catch both, whatever the report's own CSP
	// and script do to them.
	html, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(html), "</main>", `<img src="http://example.com/x.png"><script>console.error("injected")</script></main>`, 1)
	path := filepath.Join(out, "injected.html")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(b.inspect(t, path, false).failures(), "\n")
	for _, want := range []string{"CSP violation: img-src blocked http://example.com/x.png", "console.error: injected"} {
		if !strings.Contains(got, want) {
			t.Errorf("injected page: failures\n%s\nwant one containing %q", got, want)
		}
	}
}

// TestBrowserCheckFails shows that the check above can fail: each page
// breaks one rule and must be caught, and a clean page must pass.
func TestBrowserCheckFails(t *testing.T) {
	b := startBrowser(t, findBrowser(t))
	const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`
	const fig = `<div class="figure"><svg width="20pt" height="10pt" viewBox="0 0 20 10"><path d="M0,0L20,10" stroke="black"/></svg></div>`
	tests := []struct {
		name, body string
		want       string // substring of a failure; "" for a clean page
	}{
		{"clean", csp + fig + `<script>console.log("fine")</script>`, ""},
		{"remote image", `<img src="http://example.com/x.png">` + fig, "request: http://example.com/x.png"},
		{"remote stylesheet", `<link rel="stylesheet" href="https://example.com/s.css">` + fig, "request: https://example.com/s.css"},
		{"console error", fig + `<script>console.error("boom")</script>`, "console: console.error: boom"},
		{"exception", fig + `<script>null.x</script>`, "console: uncaught"},
		{"alert", fig + `<script>alert(1)</script>`, "console: console.error: alert: 1"},
		{"csp violation", csp + `<img src="http://example.com/x.png">` + fig, "CSP violation: img-src"},
		{"csp blocks script", csp + fig + `<script src="x.js"></script>`, "CSP violation: script-src"},
		{"no svg", `<div class="figure"><p>chart</p></div>`, "figure: figure 1: no <svg>"},
		{"empty svg", `<div class="figure"><svg width="0" height="0"></svg></div>`, "figure: figure 1:"},
		{"blank svg", `<div class="figure"><svg width="20" height="10"></svg></div>`, "draws nothing"},
		{"broken image", `<div class="figure"><svg width="20" height="10"><image width="20" height="10" href="data:image/png;base64,AAAA"/></svg></div>`, "does not decode"},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "page.html")
			page := "<!doctype html><meta charset=utf-8><title>t</title>" + tt.body
			if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			got := b.inspect(t, path, false).failures()
			t.Logf("failures: %q", got)
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("clean page: failures %q, want none", got)
				}
				return
			}
			for _, g := range got {
				if strings.Contains(g, tt.want) {
					return
				}
			}
			t.Errorf("%s: failures %q, want one containing %q", tt.name, got, tt.want)
		})
	}
}
