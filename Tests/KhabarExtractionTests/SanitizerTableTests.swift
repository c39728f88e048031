import Foundation
import Testing
@testable import KhabarExtraction

/// Input → output table for the allow-list sanitizer (base URL https://example.com/news/).
@Suite("Sanitizer table")
struct SanitizerTableTests {
    static let base = "https://example.com/news/"

    static let rows: [(String, String)] = [
        ("<p>مرحبا بالعالم</p>",
         "<p>مرحبا بالعالم</p>"),
        ("<p>نص <b>عريض</b> و<strong>قوي</strong> و<i>مائل</i> و<em>مؤكد</em> و<u>مسطر</u> و<s>مشطوب</s></p>",
         "<p>نص <b>عريض</b> و<strong>قوي</strong> و<i>مائل</i> و<em>مؤكد</em> و<u>مسطر</u> و<s>مشطوب</s></p>"),
        ("<p dir=\"rtl\" lang=\"ar\">عربي</p>",
         "<p dir=\"rtl\" lang=\"ar\">عربي</p>"),
        ("<p dir=\"sideways\" lang=\"ar&quot;x\">اتجاه غير صالح</p>",
         "<p>اتجاه غير صالح</p>"),
        ("<h1>عنوان رئيسي</h1>",
         "<h2>عنوان رئيسي</h2>"),
        ("<h2 class=\"big\" id=\"t\">عنوان</h2><h6>صغير</h6>",
         "<h2>عنوان</h2>\n<h6>صغير</h6>"),
        ("<div>سطر أول</div><div>سطر ثان</div>",
         "<p>سطر أول</p>\n<p>سطر ثان</p>"),
        ("<div><p>فقرة</p><p>أخرى</p></div>",
         "<p>فقرة</p>\n<p>أخرى</p>"),
        ("<section><article><p>داخل</p></article></section>",
         "<p>داخل</p>"),
        ("<span style=\"color:red\" class=\"x\">ملون</span>",
         "<span>ملون</span>"),
        ("<a href=\"https://example.org/a\">رابط</a>",
         "<a href=\"https://example.org/a\" rel=\"nofollow noopener noreferrer\">رابط</a>"),
        ("<a href=\"/local/page?id=1&amp;x=2\">نسبي</a>",
         "<a href=\"https://example.com/local/page?id=1&amp;x=2\" rel=\"nofollow noopener noreferrer\">نسبي</a>"),
        ("<a href=\"../up\">أعلى</a>",
         "<a href=\"https://example.com/up\" rel=\"nofollow noopener noreferrer\">أعلى</a>"),
        ("<a href=\"#section\">مرساة</a>",
         "<a href=\"https://example.com/news/#section\" rel=\"nofollow noopener noreferrer\">مرساة</a>"),
        ("<a href=\"mailto:editor@example.com\">راسلنا</a>",
         "<a href=\"mailto:editor@example.com\" rel=\"nofollow noopener noreferrer\">راسلنا</a>"),
        ("<a href=\"ftp://example.com/file\">ftp</a>",
         "ftp"),
        ("<a href=\"http://example.com\" target=\"_blank\" rel=\"opener\" title=\"عنوان الرابط\">t</a>",
         "<a href=\"http://example.com\" title=\"عنوان الرابط\" rel=\"nofollow noopener noreferrer\">t</a>"),
        ("<a name=\"anchor\">بدون رابط</a>",
         "بدون رابط"),
        ("<a href=\"//cdn.example.net/x\">بروتوكول نسبي</a>",
         "<a href=\"https://cdn.example.net/x\" rel=\"nofollow noopener noreferrer\">بروتوكول نسبي</a>"),
        ("<img src=\"photo.jpg\" alt=\"صورة\" width=\"640\" height=\"360\" class=\"x\" loading=\"lazy\">",
         "<img src=\"https://example.com/news/photo.jpg\" alt=\"صورة\" width=\"640\" height=\"360\">"),
        ("<img src=\"data:image/gif;base64,R0lGODlh\" data-src=\"/real.jpg\" alt=\"كسول\">",
         "<img src=\"https://example.com/real.jpg\" alt=\"كسول\">"),
        ("<img src=\"javascript:alert(1)\">",
         ""),
        ("<img alt=\"بدون مصدر\">",
         ""),
        ("<img src=\"https://example.com/a.png\" width=\"100%\" height=\"50px\">",
         "<img src=\"https://example.com/a.png\">"),
        ("<figure><img src=\"/f.jpg\"><figcaption>تعليق الصورة</figcaption></figure>",
         "<figure><img src=\"https://example.com/f.jpg\"><figcaption>تعليق الصورة</figcaption>\n</figure>"),
        ("<ul><li>أول</li><li>ثان</li></ul>",
         "<ul><li>أول</li>\n<li>ثان</li>\n</ul>"),
        ("<ol start=\"3\" type=\"a\"><li>ثالث</li></ol>",
         "<ol start=\"3\"><li>ثالث</li>\n</ol>"),
        ("<blockquote cite=\"http://x\"><p>اقتباس</p></blockquote>",
         "<blockquote><p>اقتباس</p>\n</blockquote>"),
        ("<q>قول</q> <cite>مصدر</cite>",
         "<q>قول</q> <cite>مصدر</cite>"),
        ("<table border=\"1\"><thead><tr><th scope=\"col\">عمود</th></tr></thead><tbody><tr><td colspan=\"2\" rowspan=\"x\">خلية</td></tr></tbody></table>",
         "<table><thead><tr><th>عمود</th></tr>\n</thead><tbody><tr><td colspan=\"2\">خلية</td></tr>\n</tbody></table>"),
        ("<code>x &lt; y</code>",
         "<code>x &lt; y</code>"),
        ("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>",
         "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>"),
        ("<p>\"علامات\" 'اقتباس'</p>",
         "<p>\"علامات\" 'اقتباس'</p>"),
        ("<time datetime=\"2024-05-01T10:00\">الأول من مايو</time>",
         "<time datetime=\"2024-05-01T10:00\">الأول من مايو</time>"),
        ("<abbr title=\"الأمم المتحدة\">أ.م</abbr> <sub>2</sub> <sup>3</sup>",
         "<abbr title=\"الأمم المتحدة\">أ.م</abbr> <sub>2</sub> <sup>3</sup>"),
        ("<bdi>اسم</bdi> <bdo dir=\"ltr\">abc</bdo>",
         "<bdi>اسم</bdi> <bdo dir=\"ltr\">abc</bdo>"),
        ("<p>قبل<br>بعد</p>",
         "<p>قبل<br>بعد</p>"),
        ("<font color=\"red\" face=\"Arial\">خط قديم</font>",
         "خط قديم"),
        ("<center>وسط</center>",
         "<p>وسط</p>"),
        ("<p>نص<!-- تعليق مخفي -->متصل</p>",
         "<p>نصمتصل</p>"),
        ("<iframe src=\"https://www.youtube.com/embed/abc123\"></iframe>",
         "<a href=\"https://www.youtube.com/embed/abc123\" rel=\"nofollow noopener noreferrer\">https://www.youtube.com/embed/abc123</a>"),
        ("<iframe src=\"https://evil.example/frame\"></iframe>",
         ""),
        ("<p>   مسافات    كثيرة   </p>",
         "<p> مسافات كثيرة </p>"),
        ("<p></p><span></span><b> </b>",
         ""),
        ("<nav><a href=\"/a\">قسم</a></nav>",
         "<p><a href=\"https://example.com/a\" rel=\"nofollow noopener noreferrer\">قسم</a></p>"),
        ("<form action=\"/s\"><label>اسم</label><input name=\"q\"><button>أرسل</button></form>",
         "<p>اسم</p>"),
        ("<p>نص&nbsp;بمسافة&nbsp;صلبة</p>",
         "<p>نص بمسافة صلبة</p>"),
        ("<script>document.write(\"x\")</script>بعد السكربت",
         "بعد السكربت"),
        ("<style>p{color:red}</style><p>بعد الستايل</p>",
         "<p>بعد الستايل</p>"),
        ("<noscript><p>بلا سكربت</p></noscript>",
         ""),
        ("<p>رمز &#x202E;معكوس</p>",
         "<p>رمز ‮معكوس</p>"),
        ("<video src=\"v.mp4\" controls>فيديو</video><audio src=\"a.mp3\">صوت</audio>",
         ""),
        ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
         "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("<p><a href=\"https://example.com/?q=&quot;&gt;&lt;script&gt;\">مرمز</a></p>",
         "<p><a href=\"https://example.com/?q=%22%3E%3Cscript%3E\" rel=\"nofollow noopener noreferrer\">مرمز</a></p>"),
        ("<table><tr><td>بلا tbody</td></tr></table>",
         "<table><tr><td>بلا tbody</td></tr>\n</table>"),
        ("<dl><dt>مصطلح</dt><dd>تعريف</dd></dl>",
         "<dl><dt>مصطلح</dt><dd>تعريف</dd></dl>"),
        ("<hr><p>بعد الخط</p>",
         "<hr>\n<p>بعد الخط</p>"),
        ("<pre>سطر   أول\n  سطر ثان</pre>",
         "<pre>سطر   أول\n  سطر ثان</pre>"),
        ("<p>سطر\tمع\tتبويب</p>",
         "<p>سطر مع تبويب</p>"),
        ("<p>a</p>\n\n<p>b</p>",
         "<p>a</p>\n<p>b</p>"),
        ("<ul>\n  <li><a href=\"/x\">بند</a></li>\n</ul>",
         "<ul><li><a href=\"https://example.com/x\" rel=\"nofollow noopener noreferrer\">بند</a></li>\n</ul>"),
        ("<a href=\"https://مثال.مصر/أخبار\">نطاق عربي</a>",
         "<a href=\"https://xn--mgbh0fb.xn--wgbh1c/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1\" rel=\"nofollow noopener noreferrer\">نطاق عربي</a>"),
        ("<a href=\"  https://example.com/space  \">مسافات حول الرابط</a>",
         "<a href=\"https://example.com/space\" rel=\"nofollow noopener noreferrer\">مسافات حول الرابط</a>"),
        ("<img src=\"/pic one.jpg\" alt=\"مسافة في الاسم\">",
         "<img src=\"https://example.com/pic%20one.jpg\" alt=\"مسافة في الاسم\">"),
        ("<article><h3>عنوان فرعي</h3>نص حر<p>فقرة</p></article>",
         "<h3>عنوان فرعي</h3>\nنص حر<p>فقرة</p>"),
        ("<p>قبل</p>نص خارج<p>بعد</p>",
         "<p>قبل</p>\nنص خارج<p>بعد</p>"),
        ("<table><caption>جدول</caption><tr><th colspan=\"2\">أ</th></tr></table>",
         "<table><caption>جدول</caption><tr><th colspan=\"2\">أ</th></tr>\n</table>"),
        // HTML5 void elements libxml2 reads as containers: what follows them stays
        ("<p>قبل</p><embed src=\"clip.swf\"><p>بعد</p>",
         "<p>قبل</p>\n<p>بعد</p>"),
        ("<p>كلمة<wbr>طويلة</p><p>ثالث</p>",
         "<p>كلمة<wbr>طويلة</p>\n<p>ثالث</p>"),
    ]

    @Test("nesting deeper than libxml2's default limit keeps what follows it")
    func deepNesting() {
        let deep = String(repeating: "<div>", count: 300) + "عميق" + String(repeating: "</div>", count: 300)
        let out = Sanitizer.sanitize("<p>قبل</p>" + deep + "<p>بعد</p>", baseURL: Self.base)
        #expect(out.contains("قبل") && out.contains("عميق") && out.contains("<p>بعد</p>"), "\(out)")
    }

    @Test("table has enough rows")
    func size() { #expect(Self.rows.count >= 40) }

    @Test("each input sanitizes to the expected output", arguments: Array(0..<rows.count))
    func row(_ k: Int) {
        let (input, expected) = Self.rows[k]
        #expect(Sanitizer.sanitize(input, baseURL: Self.base) == expected, "row \(k): \(input)")
    }

    @Test("output is a fixed point: sanitizing it again changes nothing", arguments: Array(0..<rows.count))
    func idempotent(_ k: Int) {
        let once = Sanitizer.sanitize(Self.rows[k].0, baseURL: Self.base)
        #expect(Sanitizer.sanitize(once, baseURL: Self.base) == once)
    }

    @Test("relative URLs stay relative without a base, schemes are still checked")
    func noBase() {
        #expect(Sanitizer.sanitize(#"<a href="/x?a=1">x</a>"#, baseURL: nil)
                == #"<a href="/x?a=1" rel="nofollow noopener noreferrer">x</a>"#)
        #expect(Sanitizer.sanitize(#"<a href="javascript:alert(1)">x</a>"#, baseURL: nil) == "x")
        #expect(Sanitizer.sanitize(#"<img src="javascript:alert(1)">"#, baseURL: "not a url") == "")
    }

    @Test("empty and text-only input")
    func trivial() {
        #expect(Sanitizer.sanitize("", baseURL: nil) == "")
        #expect(Sanitizer.sanitize("نص عادي & رموز < >", baseURL: nil) == "نص عادي &amp; رموز &lt; &gt;")
    }
}
