/*
 * Marks the words a reader typed, by one rule, on the page a search result opens (?h=dan+so) and in
 * the results list: a whole word is marked when it equals a typed word with diacritics removed (a word
 * typed without them: "so" marks "Sở" and "số", never "Sơn" or "soạn"; "dan" never "đăng" or "dẫn"), or
 * exactly, accents included, when the word was typed with them ("số" marks "số", not "Sở").
 *
 * Material marks by prefix and as its query analysis folded the words (feature search.highlight): its
 * marks are put back to plain text and these made instead, each word once. The results' links carry the
 * words as typed (?h=), so the page marks them by the same rule.
 *
 * When a search finds nothing, the nearest words of the site's search index and the site's sections
 * are offered instead (links that open the search with ?q=, which Material reads).
 *
 * The folding is the search index's (lunr.vi.min.js and congbo.vi.fold).
 */
(function () {
  "use strict"

  // Material's separator for Vietnamese (overrides/partials/languages/vi.html), as a character class.
  var WORD = /[^\s\-–—,.;:!?…()\[\]{}"“”‘’'«»/]+/g
  var OURS = "data-cb-mark"

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC").toLowerCase()
  }

  function exact(text) {
    return text.normalize("NFC").toLowerCase()
  }

  function wordsOf(text) {
    return (text || "").match(WORD) || []
  }

  // Typed words → a test for a written word: folded words match folded, accented ones exactly.
  function matcher(typed) {
    var folded = {}, accented = {}
    wordsOf(typed).forEach(function (word) {
      word = word.replace(/^[+-]+|[*~^].*$/g, "")
      if (!word) return
      if (fold(word) === exact(word)) folded[fold(word)] = true
      else accented[exact(word)] = true
    })
    if (!Object.keys(folded).length && !Object.keys(accented).length) return null
    return function (word) { return folded[fold(word)] === true || accented[exact(word)] === true }
  }

  // [start, end) ranges of whole words that match; neighbours joined across spaces.
  function ranges(text, wanted) {
    var found = [], match
    WORD.lastIndex = 0
    while ((match = WORD.exec(text))) {
      if (!wanted(match[0])) continue
      var start = match.index, end = start + match[0].length, last = found[found.length - 1]
      if (last && /^\s+$/.test(text.slice(last[1], start))) last[1] = end
      else found.push([start, end])
    }
    return found
  }

  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement
        return !parent || parent.closest("script, style, .headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
      }
    })
    var nodes = []
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node)
    return nodes
  }

  function unmark(root) {
    root.querySelectorAll("mark").forEach(function (m) { m.replaceWith(document.createTextNode(m.textContent)) })
    root.normalize()
  }

  function mark(root, wanted) {
    textNodes(root).forEach(function (node) {
      var text = node.textContent, found = ranges(text, wanted)
      if (!found.length) return
      var parts = document.createDocumentFragment(), last = 0
      found.forEach(function (r) {
        parts.appendChild(document.createTextNode(text.slice(last, r[0])))
        var m = document.createElement("mark")
        m.setAttribute("data-md-highlight", "")
        m.setAttribute(OURS, "")
        m.textContent = text.slice(r[0], r[1])
        parts.appendChild(m)
        last = r[1]
      })
      parts.appendChild(document.createTextNode(text.slice(last)))
      node.replaceWith(parts)
    })
  }

  // Re-mark ``root`` by our rule whenever Material adds marks (or content) of its own to it.
  function keepMarked(root, wanted, before) {
    var observer = new MutationObserver(redo)
    function redo() {
      observer.disconnect()
      var current = wanted()
      if (before) before()
      unmark(root)
      if (current) mark(root, current)
      observer.observe(root, { childList: true, subtree: true })
    }
    redo()
  }

  // --- the page a result opens -------------------------------------------------------------------

  var article = document.querySelector("article.md-content__inner")
  var typedOnPage = matcher(new URLSearchParams(window.location.search).get("h"))
  if (article && typedOnPage) {
    keepMarked(article, function () { return typedOnPage })
  }

  // --- the results list --------------------------------------------------------------------------

  var input = document.querySelector(".md-search__input")
  var list = document.querySelector(".md-search-result__list")
  if (!input || !list) return

  function typed() {
    return input.value.trim()
  }

  // Each result's link carries the words as typed, so the page it opens marks them by the same rule.
  function relink() {
    var h = wordsOf(typed()).join(" ")
    list.querySelectorAll("a.md-search-result__link").forEach(function (a) {
      var url = new URL(a.href, window.location.href)
      if (!url.searchParams.has("h")) return  // search.highlight off: nothing to carry
      url.searchParams.set("h", h)
      a.setAttribute("href", url.href)
    })
    showHelp()
  }

  // --- an empty result: the nearest words and the sections ------------------------------------

  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}")
  var vocabulary = null  // folded word → { word: as written most often, count }

  function loadVocabulary(then) {
    if (vocabulary) return then()
    fetch(new URL((config.base || ".") + "/search/search_index.json", window.location.href))
      .then(function (response) { return response.json() })
      .then(function (index) {
        var words = {}
        index.docs.forEach(function (doc) {
          var text = (doc.title + " " + doc.text).replace(/<[^>]+>/g, " ")
          wordsOf(text).forEach(function (word) {
            if (word.length < 2 || /^\d+$/.test(word)) return
            var key = fold(word), forms = words[key] || (words[key] = { forms: {}, count: 0 })
            forms.count++
            forms.forms[exact(word)] = (forms.forms[exact(word)] || 0) + 1
          })
        })
        vocabulary = {}
        Object.keys(words).forEach(function (key) {
          var forms = words[key].forms
          var best = Object.keys(forms).sort(function (a, b) { return forms[b] - forms[a] })[0]
          vocabulary[key] = { word: best, count: words[key].count }
        })
        then()
      })
      .catch(function () { vocabulary = {}; then() })
  }

  function distance(a, b) {
    var row = [], i, j
    for (j = 0; j <= b.length; j++) row.push(j)
    for (i = 1; i <= a.length; i++) {
      var previous = row[0]
      row[0] = i
      for (j = 1; j <= b.length; j++) {
        var kept = row[j]
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
        previous = kept
      }
    }
    return row[b.length]
  }

  // Up to five queries to try: each word the index lacks replaced by its nearest indexed words (at most
  // a third of its letters changed), or, when every word is indexed but not together, each word alone.
  function nearestQueries(query) {
    var words = wordsOf(query), queries = []
    words.forEach(function (word, i) {
      var key = fold(word)
      if (vocabulary[key]) return
      var limit = Math.max(1, Math.floor(key.length / 3))
      Object.keys(vocabulary)
        .map(function (other) { return { key: other, d: distance(key, other) } })
        .filter(function (c) { return c.d <= limit })
        .sort(function (a, b) { return a.d - b.d || vocabulary[b.key].count - vocabulary[a.key].count })
        .slice(0, 3)
        .forEach(function (c) {
          var copy = words.slice()
          copy[i] = vocabulary[c.key].word
          queries.push(copy.join(" "))
        })
    })
    if (!queries.length && words.length > 1)
      words.forEach(function (word) { if (vocabulary[fold(word)]) queries.push(word) })
    return queries.filter(function (q, i) { return queries.indexOf(q) === i }).slice(0, 5)
  }

  function link(href, text) {
    var a = document.createElement("a")
    a.href = href
    a.textContent = text
    return a
  }

  function sections() {
    var home = new URL((config.base || ".") + "/", window.location.href).href
    var seen = {}
    return Array.prototype.filter.call(document.querySelectorAll(".md-tabs__link"), function (a) {
      if (a.href === home || seen[a.href]) return false
      return (seen[a.href] = true)
    })
  }

  function renderHelp(query) {
    var help = document.createElement("div")
    help.className = "cb-search-help md-typeset"
    var tries = nearestQueries(query)
    if (tries.length) {
      var p = document.createElement("p")
      p.appendChild(document.createTextNode("Bạn có thể thử: "))
      tries.forEach(function (q, i) {
        var url = new URL(window.location.href)
        url.search = "?q=" + encodeURIComponent(q)
        url.hash = ""
        if (i) p.appendChild(document.createTextNode(", "))
        p.appendChild(link(url.href, q))
      })
      help.appendChild(p)
    }
    var found = sections()
    if (found.length) {
      var nav = document.createElement("p")
      nav.appendChild(document.createTextNode(tries.length ? "Hoặc xem các mục: " : "Bạn có thể thử xem các mục: "))
      found.forEach(function (a, i) {
        if (i) nav.appendChild(document.createTextNode(", "))
        nav.appendChild(link(a.href, a.textContent.trim()))
      })
      help.appendChild(nav)
    }
    return help
  }

  function showHelp() {
    var old = document.querySelector(".cb-search-help"), query = typed()
    if (list.children.length || !query) {
      if (old) old.remove()
      return
    }
    if (old && old.getAttribute("data-cb-query") === query) return
    loadVocabulary(function () {
      if (list.children.length || typed() !== query) return
      var existing = document.querySelector(".cb-search-help")
      if (existing) existing.remove()
      var help = renderHelp(query)
      help.setAttribute("data-cb-query", query)
      list.parentNode.insertBefore(help, list)
    })
  }
  var meta = document.querySelector(".md-search-result__meta")
  if (meta) new MutationObserver(showHelp).observe(meta, { childList: true, characterData: true, subtree: true })
  keepMarked(list, function () { return matcher(typed()) }, relink)
})()
