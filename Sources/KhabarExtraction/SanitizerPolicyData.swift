// The HTML sanitizer's allow-list, kept as data (DESIGN.md house rules 7 and 8).
//
//   allow|tag attr…      the element is kept with these attributes (plus the `global` ones)
//   global|attr…         attributes allowed on every kept element
//   rename|from to       the element is kept under another name (h1 → h2: the page has its own h1)
//   drop|tag…            the element goes together with everything inside it
//   block|tag…           the element goes, its content stays; when that content is inline only it
//                        becomes one <p> (so "<div>a</div><div>b</div>" does not read "ab")
//   url|attr scheme…     URL-valued attributes: the schemes allowed; relative URLs are resolved
//                        against the base URL; anything else drops the attribute
//   rel|value            rel added to every kept link
//   lazy|attr…           image attributes that hold the real source when src is missing or a
//                        data: placeholder (lazy loading)
//   video|prefix…        iframes whose src starts with one of these (after https: is added) become
//                        a plain link to the video; every other iframe is dropped
// Every other element is unwrapped: the tag goes, its text stays. Comments, CDATA, processing
// instructions, style attributes and event handlers never survive because they are not listed.
let sanitizerPolicyData = #"""
allow|p
allow|br
allow|hr
allow|b
allow|strong
allow|i
allow|em
allow|u
allow|s
allow|del
allow|ins
allow|mark
allow|small
allow|blockquote
allow|q
allow|cite
allow|ul
allow|ol start
allow|li
allow|dl
allow|dt
allow|dd
allow|h2
allow|h3
allow|h4
allow|h5
allow|h6
allow|a href title
allow|img src alt title width height
allow|figure
allow|figcaption
allow|table
allow|caption
allow|thead
allow|tbody
allow|tfoot
allow|tr
allow|td colspan rowspan
allow|th colspan rowspan
allow|pre
allow|code
allow|span
allow|sub
allow|sup
allow|abbr title
allow|time datetime
allow|bdi
allow|bdo
allow|wbr
global|dir lang
rename|h1 h2
drop|script style iframe frame frameset noframes object embed applet param svg math noscript template
drop|title head meta link base input button select textarea option optgroup datalist keygen output
drop|canvas audio video source track map area dialog portal xml xmp plaintext noembed image slot
block|div section article main header footer aside nav center address details summary hgroup form fieldset legend
url|href http https mailto
url|src http https
rel|nofollow noopener noreferrer
lazy|data-src data-original data-lazy-src data-lazy data-url
video|https://www.youtube.com/embed/ https://www.youtube-nocookie.com/embed/ https://player.vimeo.com/video/ https://www.dailymotion.com/embed/video/
"""#
