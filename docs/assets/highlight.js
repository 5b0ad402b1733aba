/*
 * After a search result is followed (?h=dan+so), mark the words the reader meant even when
 * typed without diacritics: "dan so" marks "Dân số".
 *
 * Material marks the words that match as typed (feature search.highlight); this script marks
 * the others, those that match only once diacritics are removed (the same folding as the
 * search index: lunr.vi.min.js and congbo.vi.fold), so no word is marked twice. A term marks
 * the start of a word, as Material's does (the search matches word prefixes).
 */
(function () {
  "use strict"

  // Material's separator for Vietnamese (overrides/partials/languages/vi.html), as a character class.
  var SEPARATOR = /[\s\-–—,.;:!?…()\[\]{}"“”‘’'«»/]/

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC")
  }

  // The folded, lower-case text and, for each of its characters, where it came from in the original.
  function folded(text) {
    var out = "", from = []
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]).toLowerCase()
      for (var k = 0; k < f.length; k++) {
        out += f[k]
        from.push(i)
      }
    }
    from.push(text.length)
    return { text: out, from: from }
  }

  function terms() {
    var h = new URLSearchParams(window.location.search).get("h")
    if (!h) return []
    return h.split(SEPARATOR).filter(Boolean).map(function (t) {
      return { typed: t.toLowerCase(), folded: fold(t).toLowerCase() }
    })
  }

  // [start, end) ranges of the original text that match a term only after folding.
  function ranges(text, wanted) {
    var f = folded(text), found = []
    wanted.forEach(function (term) {
      for (var at = f.text.indexOf(term.folded); at !== -1; at = f.text.indexOf(term.folded, at + 1)) {
        var start = f.from[at], end = f.from[at + term.folded.length]
        var wordStart = start === 0 || SEPARATOR.test(text[start - 1])
        var asTyped = text.slice(start, end).toLowerCase() === term.typed  // Material marks those
        if (wordStart && !asTyped) found.push([start, end])
      }
    })
    found.sort(function (a, b) { return a[0] - b[0] })
    return found.filter(function (r, i) { return i === 0 || r[0] >= found[i - 1][1] })
  }

  function mark(root, wanted) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement
        if (!parent || parent.closest("mark, script, style, .headerlink")) return NodeFilter.FILTER_REJECT
        return NodeFilter.FILTER_ACCEPT
      }
    })
    var nodes = []
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node)
    nodes.forEach(function (node) {
      var text = node.textContent, found = ranges(text, wanted)
      if (!found.length) return
      var parts = document.createDocumentFragment(), last = 0
      found.forEach(function (r) {
        parts.appendChild(document.createTextNode(text.slice(last, r[0])))
        var m = document.createElement("mark")
        m.setAttribute("data-md-highlight", "")
        m.textContent = text.slice(r[0], r[1])
        parts.appendChild(m)
        last = r[1]
      })
      parts.appendChild(document.createTextNode(text.slice(last)))
      node.replaceWith(parts)
    })
  }

  var wanted = terms()
  var article = document.querySelector("article.md-content__inner")
  if (wanted.length && article) mark(article, wanted)
})()
