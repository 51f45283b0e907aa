// Search over the Pagefind index: reads ?q=&programme=&region=&month=, shows up to 30 results.
(function () {
  var form = document.getElementById('search-form')
  var status = document.getElementById('search-status')
  var list = document.getElementById('search-results')
  var input = document.getElementById('q')
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'))
  var params = new URLSearchParams(location.search)
  var pf
  function say(text) { status.textContent = text }
  function load() {
    if (!pf) pf = import('/pagefind/pagefind.js').then(function (m) { return m.options({ excerptLength: 30 }).then(function () { return m }) })
    return pf
  }
  function filters() {
    var f = {}
    selects.forEach(function (s) { if (s.value) f[s.dataset.filter] = s.value })
    return f
  }
  function run(q) {
    var f = filters()
    if (!q && !Object.keys(f).length) { say('请输入搜索词。'); list.innerHTML = ''; return }
    say('正在搜索……')
    load().then(function (m) { return m.search(q || null, { filters: f }) }).then(function (r) {
      return Promise.all(r.results.slice(0, 30).map(function (x) { return x.data() })).then(function (items) {
        list.innerHTML = ''
        items.forEach(function (d) {
          var li = document.createElement('li')
          var a = document.createElement('a')
          a.href = d.url
          a.textContent = (d.meta && d.meta.title) || d.url
          var p = document.createElement('p')
          p.className = 'sub'
          p.innerHTML = d.excerpt
          li.appendChild(a); li.appendChild(p); list.appendChild(li)
        })
        say(r.results.length ? '找到 ' + r.results.length + ' 条结果' + (r.results.length > 30 ? '，显示前 30 条。' : '。') : '没有找到结果。可以换个词，或去掉筛选条件。')
      })
    }).catch(function () { say('搜索暂时不可用，请按栏目查找。') })
  }
  say('')
  load().then(function (m) { return m.filters() }).then(function (all) {
    selects.forEach(function (s) {
      Object.keys(all[s.dataset.filter] || {}).sort().forEach(function (v) {
        var o = document.createElement('option'); o.value = v; o.textContent = v; s.appendChild(o)
      })
      if (params.get(s.name)) s.value = params.get(s.name)
    })
    var q = params.get('q') || ''
    input.value = q
    if (q || filters().programme || filters().region || filters().month) run(q)
  }).catch(function () {})
  form.addEventListener('submit', function (e) {
    e.preventDefault()
    var q = input.value.trim()
    var u = new URLSearchParams()
    if (q) u.set('q', q)
    selects.forEach(function (s) { if (s.value) u.set(s.name, s.value) })
    history.replaceState(null, '', '?' + u.toString())
    run(q)
  })
})()
