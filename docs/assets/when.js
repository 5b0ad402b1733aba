/*
 * Time-relative text that cannot go stale: "còn N ngày", "hôm nay", "đang diễn ra", "đã qua"
 * recomputed from the dates the page carries (data-cb-start / data-cb-end, written by
 * congbo/templates/when.html.j2) against today in Vietnam, on the reader's clock. The text
 * written at build time stays for readers without script.
 */
(function () {
  "use strict"

  var DAY = 86400000

  // Today in Vietnam (UTC+07:00, no daylight saving), as days since 1970-01-01.
  function today() {
    var parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date())
    var get = function (type) { return Number(parts.filter(function (p) { return p.type === type })[0].value) }
    return Date.UTC(get("year"), get("month") - 1, get("day")) / DAY
  }

  function day(iso) {
    var p = iso.split("-")
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])) / DAY
  }

  function countdown(start, end, now) {
    var days = start - now
    if (days > 0) return "còn " + days + " ngày"
    if (days === 0) return "hôm nay"
    return end >= now ? "đang diễn ra" : "đã qua"
  }

  function tag(state) {
    var span = document.createElement("span")
    span.className = "cb-tag cb-tag--" + (state === "past" ? "past" : "now")
    span.textContent = state === "past" ? "đã qua" : "đang diễn ra"
    return span
  }

  function update(element, now) {
    var start = day(element.getAttribute("data-cb-start"))
    var end = day(element.getAttribute("data-cb-end"))
    if (element.hasAttribute("data-cb-countdown")) {
      element.textContent = countdown(start, end, now)
      return
    }
    var state = end < now ? "past" : start <= now && !element.hasAttribute("data-cb-past-only") ? "now" : ""
    element.textContent = ""
    if (state) {
      element.appendChild(document.createTextNode(" "))
      element.appendChild(tag(state))
    }
  }

  // "Ngày … tiếp theo: thứ …, ngày … (còn N ngày)", from each observance's yearly rule, as congbo.vi.next_day_text
  // writes it at build time (congbo/templates/when.html.j2, next_day).
  var WEEKDAYS = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"]

  function two(n) { return (n < 10 ? "0" : "") + n }

  function dateText(d) {
    var date = new Date(d * DAY)
    return WEEKDAYS[date.getUTCDay()] + ", ngày " + two(date.getUTCDate()) + "/" + two(date.getUTCMonth() + 1) + "/" + date.getUTCFullYear()
  }

  // First and last day (days since 1970) of a rule in a year, or null (29 February of a common year).
  function occurrence(rule, year) {
    if (year < rule.first) return null
    if (rule.day === null) return [Date.UTC(year, rule.month - 1, 1) / DAY, Date.UTC(year, rule.month, 1) / DAY - 1]
    var d = Date.UTC(year, rule.month - 1, rule.day) / DAY
    if (new Date(d * DAY).getUTCMonth() !== rule.month - 1) return null
    return [d, d]
  }

  function nextOccurrence(rule, now, underWay) {
    var year = new Date(now * DAY).getUTCFullYear()
    for (var y = Math.max(year - 1, rule.first); y < year + 9; y++) {
      var dates = occurrence(rule, y)
      if (dates && (underWay ? dates[1] >= now : dates[0] >= now)) return dates
    }
    return null
  }

  function nextDay(element, now) {
    var rules = JSON.parse(element.getAttribute("data-cb-next"))
    var named = element.hasAttribute("data-cb-named")
    var best = null
    for (var i = 0; i < rules.length; i++) {
      var dates = nextOccurrence(rules[i], now, !named)
      if (dates && (best === null || dates[0] < best.dates[0])) best = { rule: rules[i], dates: dates }
    }
    if (best === null) return
    var start = best.dates[0], end = best.dates[1]
    var when = dateText(start)
    if (end !== start) when = "từ " + when + " đến hết " + dateText(end)
    var days = start - now
    var state = days > 0 ? "còn " + days + " ngày" : days === 0 ? "hôm nay" : "đang diễn ra"
    element.textContent = element.getAttribute("data-cb-label") + ": " + (named ? best.rule.name + ", " : "") + when + " (" + state + ")"
  }

  var now = today()
  var elements = document.querySelectorAll("[data-cb-start][data-cb-end]")
  for (var i = 0; i < elements.length; i++) update(elements[i], now)
  var nextDays = document.querySelectorAll("[data-cb-next]")
  for (var j = 0; j < nextDays.length; j++) nextDay(nextDays[j], now)
})()
