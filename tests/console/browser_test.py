#!/usr/bin/python3
"""A person's morning in the console, in a real browser (Chromium driven by
chromedriver through Selenium, all Debian packages), then a real
`hallboard plan` reading the console's feeds shows the change.

usage: browser_test.py BUILD_DIR SOURCE_DIR SCREENSHOT_DIR
Exit 77 (skipped) when Selenium, Chromium or chromedriver is missing.
Screenshots of every step go to SCREENSHOT_DIR, to be looked at.
"""
import json, os, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("skipped: python3-selenium is not installed")
    sys.exit(77)

build, source, shots = sys.argv[1], sys.argv[2], sys.argv[3]
hallboard = os.path.join(build, "hallboard")
for needed in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
    if not os.path.exists(needed):
        print("skipped: %s is missing" % needed)
        sys.exit(77)
os.makedirs(shots, exist_ok=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args):
    r = subprocess.run([hallboard, "console", *args], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def secret(out, label):
    for line in out.splitlines():
        if line.startswith(label + ": "):
            return line[len(label) + 2:]
    raise AssertionError("no %s in %r" % (label, out))


def browser():
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,768",
              "--lang=zh-CN", "--disable-dev-shm-usage"):
        o.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def shot(d, name):
    # The whole page, not only the window: the screenshot is for reading.
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(1366, max(768, min(height, 4000)))
    d.save_screenshot(os.path.join(shots, name + ".png"))
    d.set_window_size(1366, 768)


def click_and_wait(d, css, accept_alert=False):
    """Clicks a submit button and waits for the next page, so no step reads
    the old page (under load the new one can take a while)."""
    old = d.find_element(By.TAG_NAME, "html")
    d.find_element(By.CSS_SELECTOR, css).click()
    if accept_alert:
        WebDriverWait(d, 20).until(EC.alert_is_present()).accept()
    def gone(drv):
        # Chromium answers a node of the old page with "stale element" or,
        # now and then, "does not belong to the document": both mean gone.
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(d, 30).until(gone)
    WebDriverWait(d, 30).until(lambda drv: drv.execute_script("return document.readyState") == "complete")


def log_in(d, base, user, password):
    d.get(base + "/login")
    d.find_element(By.NAME, "user").send_keys(user)
    d.find_element(By.NAME, "password").send_keys(password)
    click_and_wait(d, "form button[type=submit]")
    assert "今日在岗" in d.title, d.title


def log_out(d):
    click_and_wait(d, "form.logout button")


def set_value(d, name, value):
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.NAME, name), value)


tmp = tempfile.mkdtemp(prefix="hallboard-browser-")
data = os.path.join(tmp, "data")
server = None
driver = None
try:
    admin = secret(run("init", "--data", data, *[os.path.join(source, "content", f)
                                                  for f in ("hall.xml", "items.xml", "roster.xml")]),
                   "admin password")
    editor = secret(run("user", "add", "zhang", "--role", "editor", "--data", data), "password")
    approver = secret(run("user", "add", "wang", "--role", "approver", "--data", data), "password")
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    server = subprocess.Popen([hallboard, "console", "serve", "--data", data,
                               "--listen", "127.0.0.1:%d" % port], stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    player = run("screen", "add", "lobby-1", "--data", data, "--url", base)
    player_xml = player.split("\n", 1)[1].replace("/var/cache/hallboard", os.path.join(tmp, "cache"))
    with open(os.path.join(tmp, "player.xml"), "w") as f:
        f.write(player_xml)

    driver = d = browser()
    # The editor: window 1's B post (陈䶮) is already away those days (as if
    # recorded yesterday); now its A post (张丽华) falls ill for two working
    # days, so 第九条 wants a 补岗, and she names 王俊杰.
    log_in(d, base, "zhang", editor)
    shot(d, "01-home")
    d.get(base + "/absences")
    for name, value in (("from_date", "2026-12-14"), ("to_date", "2026-12-15")):
        set_value(d, name, value)
    Select(d.find_element(By.NAME, "staff")).select_by_value("s02")
    d.find_element(By.NAME, "reason").send_keys("年休假")
    Select(d.find_element(By.NAME, "substitute")).select_by_value("s05")
    click_and_wait(d, "form[action='/absences/check'] button")
    click_and_wait(d, "form[action='/absences'] button")
    assert "已保存" in d.page_source
    # Now the absence without a substitute: refused beside the field.
    for name, value in (("from_date", "2026-12-14"), ("to_date", "2026-12-15")):
        set_value(d, name, value)
    Select(d.find_element(By.NAME, "staff")).select_by_value("s01")
    d.find_element(By.NAME, "reason").send_keys("病假")
    click_and_wait(d, "form[action='/absences/check'] button")
    error = d.find_element(By.CSS_SELECTOR, ".field.has-error .error").text
    assert "第九条" in error, error
    shot(d, "02-absence-refused")
    Select(d.find_element(By.NAME, "substitute")).select_by_value("s03")
    click_and_wait(d, "form[action='/absences/check'] button")
    assert "对窗口的影响" in d.page_source
    assert "王俊杰（补岗）" in d.page_source, "the effect table shows the substitute"
    shot(d, "03-absence-effect")
    click_and_wait(d, "form[action='/absences'] button")
    assert "已保存" in d.page_source
    shot(d, "04-absences")
    d.get(base + "/notices")
    Select(d.find_element(By.NAME, "level")).select_by_value("urgent")
    d.find_element(By.NAME, "text").send_keys("今天下午14:00-15:00系统升级，网上办事暂停，窗口照常办理。")
    click_and_wait(d, "form[action='/notices'] button")
    assert "紧急公告已保存为草稿" in d.page_source
    shot(d, "05-notices")
    # The row forms: a hall phone without digits is refused beside its cell;
    # a new month of statistics is saved; the lobby playlist is looked at.
    d.get(base + "/records/hall")
    set_value(d, "phone_number_2", "无")
    click_and_wait(d, "form[action='/records/hall/hall'] button.primary")
    error = d.find_element(By.CSS_SELECTOR, "td.has-error .error").text
    assert "电话号码" in error, error
    shot(d, "05a-hall-refused")
    d.get(base + "/records/stats/new")
    set_value(d, "month", "2026-11")
    for name, value in (("window_handled_1", "412"), ("window_ontime_1", "409"),
                        ("window_rated_1", "405"), ("window_satisfied_1", "398")):
        set_value(d, name, value)
    Select(d.find_element(By.NAME, "window_way_2")).select_by_value("levels")
    for name, value in (("window_handled_2", "30"), ("window_ontime_2", "30"), ("window_vs_2", "20"),
                        ("window_s_2", "5"), ("window_basic_2", "3"), ("window_dis_2", "1"),
                        ("window_vdis_2", "0")):
        set_value(d, name, value)
    shot(d, "05b-stats-new")
    click_and_wait(d, "form[action='/records/stats/new'] button.primary")
    assert "已保存" in d.page_source, d.page_source[:2000]
    d.get(base + "/records/stats/stats")
    shot(d, "05c-stats")
    d.get(base + "/records/playlist/*")
    shot(d, "05d-playlist")
    d.get(base + "/publish")
    assert "审核人员" in d.page_source, "an editor cannot publish"
    log_out(d)

    # The approver reviews the changes and publishes.
    log_in(d, base, "wang", approver)
    d.get(base + "/publish")
    assert "请假与补岗" in d.page_source and "公告" in d.page_source
    shot(d, "06-publish")
    click_and_wait(d, "form[action='/publish'] button", accept_alert=True)
    assert "已发布第 2 版" in d.page_source, d.page_source[:2000]
    shot(d, "07-versions")
    d.get(base + "/preview?source=published&at=2026-12-14T10:00&size=1366x768&screen=lobby-1")
    shot(d, "08-preview")
    log_out(d)

    # A real player reading the console's feeds shows the substitute.
    plan = subprocess.run([hallboard, "plan", "--config", os.path.join(tmp, "player.xml"),
                           "--at", "2026-12-14T10:00"], capture_output=True, text=True, timeout=120)
    print(plan.stdout)
    assert plan.returncode == 0, plan.stderr
    window1 = plan.stdout.split("1号窗口", 1)[1].split("2号窗口", 1)[0]
    assert "王俊杰" in window1 and "补岗" in window1, window1
    assert "系统升级" in plan.stdout, "the urgent notice is active"
    print("ok: the substitute is at window 1 on the screen's plan; screenshots in", shots)
finally:
    if driver:
        driver.quit()
    if server:
        server.send_signal(signal.SIGTERM)
        try:
            assert server.wait(timeout=5) == 0
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    shutil.rmtree(tmp, ignore_errors=True)
