// Before a complaint form is sent: says at once (beside the attachments) when a file is over
// 8 MB or there are more than 3, instead of uploading megabytes the server will refuse. The server
// checks the same; without JavaScript the form works as before.
(function () {
  var input = document.getElementById('attachments')
  var note = document.getElementById('attachments-check')
  if (!input || !note || !input.form) return
  var MAX = 8 * 1024 * 1024
  function problem() {
    var files = input.files || []
    if (files.length > 3) return '最多上传3个附件，请重新选择。'
    for (var i = 0; i < files.length; i++) if (files[i].size > MAX) return '附件“' + files[i].name.slice(0, 40) + '”超过 8 MB，请压缩后再选择，或不传这个附件。'
    return ''
  }
  function show() {
    var p = problem()
    note.textContent = p
    note.hidden = !p
    return p
  }
  input.addEventListener('change', show)
  input.form.addEventListener('submit', function (e) {
    if (show()) {
      e.preventDefault()
      input.focus()
    }
  })
})()
