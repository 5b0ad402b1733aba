/*
 * After a search result is followed (?h=dan+so), mark the words the reader typed: whole words that
 * fold to a typed word, with or without diacritics ("dan so" marks "Dân số"), never the start of
 * another word ("dan" does not mark "đăng", "so" does not mark "Sơn" or "soạn").
 *
 * The folding is the search index's (lunr.vi.min.js and congbo.vi.fold). Material also marks the
 * page (feature search.highlight, which adds ?h= to the results' links), but by prefix and as typed;
 * its marks are replaced by these once it has made them, so each word is marked once, by one rule.
 */
(function () {
  "use strict"

  // Material's separator for Vietnamese (overrides/partials/languages/vi.html), as a character class.
  var WORD = /[^\s\-–—,.;:!?…()\[\]{}"“”‘’'«»/]+/g
  var OURS = "data-cb-mark"

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC").toLowerCase()
  }

  function typedWords() {
    var h = new URLSearchParams(window.location.search).get("h")
    var found = {}
    ;(h || "").replace(WORD, function (word) { found[fold(word)] = true })
    return found
  }

  // [start, end) ranges of whole words that fold to a typed word; neighbours joined across spaces.
  function ranges(text, wanted) {
    var found = [], match
    WORD.lastIndex = 0
    while ((match = WORD.exec(text))) {
      if (!wanted[fold(match[0])]) continue
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
    root.querySelectorAll("mark[data-md-highlight]").forEach(function (m) { m.replaceWith(document.createTextNode(m.textContent)) })
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

  var wanted = typedWords()
  var article = document.querySelector("article.md-content__inner")
  if (!Object.keys(wanted).length || !article) return
  mark(article, wanted)
  // Material marks once its search index has loaded: its marks are put back to plain text, ours redone.
  var observer = new MutationObserver(function () {
    if (!article.querySelector("mark[data-md-highlight]:not([" + OURS + "])")) return
    observer.disconnect()
    unmark(article)
    mark(article, wanted)
    observer.observe(article, { childList: true, subtree: true })
  })
  observer.observe(article, { childList: true, subtree: true })
})()
