import KhabarStorage
import Testing

/// Which member heads a story (`StoryHeadline.choose`): table of members → chosen seq.
@Suite struct StoryHeadlineTests {
    typealias M = StoryHeadline.Member

    static func m(_ seq: Int64, _ title: String, copy: Bool = false) -> M {
        M(seq: seq, title: title, published: 1_700_000_000 + seq * 60, isCopy: copy)
    }

    static let resignation = [
        m(1, "صورة الفريق العجيبة تحير عشاق كرة القدم"),                // first, and a side piece
        m(2, "المدرب يستقيل من تدريب الفريق بعد التتويج باللقب"),
        m(3, "رسمياً.. المدرب يعلن استقالته من تدريب الفريق"),
        m(4, "استقالة مفاجئة للمدرب بعد أيام من التتويج"),
        m(5, "ما الذي دفع المدرب إلى الاستقالة من تدريب الفريق؟"),
    ]

    @Test(arguments: [
        // the title that says most of what the others say, not the first one; not the question
        // either: its استقالته is the others' استقالة and الاستقالة (one stem since analyzer 6)
        (resignation, 3 as Int64?),
        // a format word ("شاهد") halves a title's claim
        ([m(1, "شاهد.. المدرب يعلن استقالته من تدريب الفريق"), m(2, "المدرب يعلن استقالته من تدريب الفريق رسمياً"),
          m(3, "استقالة المدرب من تدريب الفريق")], 2),
        // a copy never heads, however central its title
        ([m(1, "زلزال بقوة ست درجات يضرب جنوب البلاد"), m(2, "زلزال بقوة ست درجات يضرب جنوب البلاد", copy: true),
          m(3, "زلزال قوي يضرب مدناً في جنوب البلاد")], 1),
        // no titles share a stem: every claim is 0, and the format opener still gives way
        ([m(1, "شاهد.. لقطات من الحفل الليلي"), m(2, "افتتاح جسر جديد فوق النهر يربط المدينتين")], 2),
        // equal claims: the earlier article
        ([m(1, "افتتاح معرض الكتاب في العاصمة"), m(2, "افتتاح معرض الكتاب في العاصمة")], 1),
        ([m(7, "خبر وحيد")], 7),
        ([], nil),
    ] as [([M], Int64?)])
    func headline(members: [M], expected: Int64?) {
        let chosen = StoryHeadline.choose(members).map { members[$0].seq }
        #expect(chosen == expected, "\(members.map(\.title))")
    }
}
