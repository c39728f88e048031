// Per-site extraction rules, kept as data (DESIGN.md house rule 7).
//
// One rule per line:   host[/path-prefix] | content selectors | remove selectors
//   host         matches the page host and its subdomains ("aljazeera.net" covers www.aljazeera.net);
//                an optional path prefix narrows it ("bbc.com/arabic").
//   content      comma-separated CSS selectors, tried in order; the first one whose matches hold
//                enough text wins (all its matches, in document order, form the article).
//   remove       comma-separated CSS selectors removed inside the content before text is taken.
// Selector subset: tag, .class, #id, [attr], [attr=value], [attr~=value], [attr^=value],
// [attr*=value], [attr$=value], compounds (div.body#x[a=b]), descendant (space) and child (>).
// When a rule matches nothing (sites redesign), the generic extractor runs instead, so a stale
// rule costs nothing but a few selector matches.
let siteRuleData = #"""
aljazeera.net            | .wysiwyg--all-content, .wysiwyg, #main-content-area .article-p-wrapper, [itemprop=articleBody] | .more-on, .article-related, .article-info-block, .article-tags, .article-social-share, .ad-container, .advert, .read-more, figure .article-featured-image__caption
alarabiya.net            | #body-text, .body-text, .article-body, .article-text, [itemprop=articleBody] | .shareArticle, .article-share, .tags, .relatedArticle, .related-articles, .read-also, .ad, .ad-block
skynewsarabia.com        | .article-body, .sna_content, .article-content, [itemprop=articleBody] | .related-news, .related_topics, .tags, .article-tags, .share-buttons, .ad-container, .inline-related
bbc.com/arabic           | main[role=main] div[dir=rtl], main[role=main], main, .story-body__inner, .story-body | section[aria-labelledby=related-content-heading], section[aria-labelledby=top-stories-heading], section[aria-labelledby=features-analysis-heading], [data-e2e=related-content-heading], nav, aside, figure figcaption, .bbc-1151pbn
bbc.co.uk/arabic         | .story-body__inner, .story-body, main[role=main], main | .story-body__link, .tags-title, .tags-list, .share-tools-list, .group--story-more, figure figcaption
arabic.cnn.com           | .cnn_strycntntrgt, .article__content, .story-body, [itemprop=articleBody], .article-body | .cnn_stryimg640, .fb-comments, .cnn_divline, p[style], .related, .article-tags, .share, .ad
france24.com/ar          | .t-content__body, .t-content__main-content, article .t-content, [itemprop=articleBody] | .t-content__tags, .o-self-promo, .m-interstitial, .o-related, .m-related, .m-em-quote__share, .t-content__share, .o-ad-container
youm7.com                | #articleBody, .articleCont, .newsStoryTxt, [itemprop=articleBody] | .related, .relatedNews, .tags, .articleTags, .shareTools, .adsCont, .readAlso
elwatannews.com          | .main-news-content, .news-content, #ArticleContent, .article-body, [itemprop=articleBody] | .related-news, .tags, .share, .read-also, .ads
masrawy.com              | .ArticleDetails, #ArticleDetails, .details, .article-content, [itemprop=articleBody] | .relatedNews, .RelatedNews, .tags, .Tags, .share, .ads, .readAlso
almasryalyoum.com        | #NewsStory, .pure-txt, .article-body, .news-content, [itemprop=articleBody] | .min_related, .related, .tags, .share, .ads, .readAlso
aawsat.com               | .node_new_body, .field-name-body, .field--name-body, article .body, [itemprop=articleBody] | .field-name-field-tags, .field--name-field-tags, .related-articles, .share-links, .block-ads, .read-also
independentarabia.com    | .field-name-body, .field--name-body, .article-body, [itemprop=articleBody] | .field--name-field-tags, .related-articles, .social-share, .ads-box, .read-also
alkhaleej.ae             | .article-body, .field-name-body, .field--name-body, .article-content, [itemprop=articleBody] | .tags, .related-news, .share, .ad, .read-also
albayan.ae               | #articledetails, .articledetails, .article-body, .articleText, [itemprop=articleBody] | .tags, .related, .share, .ad, .read-also
okaz.com.sa              | .bodyText, .article-body, .article-content, [itemprop=articleBody] | .tags, .related, .share, .ad, .readAlso
sabq.org                 | .story-element-text, .article-body, .story-content, [itemprop=articleBody] | .tags, .related-stories, .share, .ad-container, .story-element-jsembed
hespress.com             | .article-content, .post-content, .entry-content, [itemprop=articleBody] | .tags, .post-tags, .related-posts, .share-post, .ads, .read-also
annahar.com              | .articleMainText, #bodyToAddTags, .article-body, [itemprop=articleBody] | .tags, .related, .share, .ad, .readAlso
alquds.co.uk             | .entry-content, .post-content, .article-content, [itemprop=articleBody] | .post-tags, .jp-relatedposts, .sharedaddy, .related-posts, .ad, .read-also
arabic.rt.com            | .article__text, .article-text, .text, [itemprop=articleBody] | .read-more, .article__tags, .tags, .share, .ad, .article__summary-read-more
aa.com.tr/ar             | .detay-icerik, .detay-spot-category, .article-content, [itemprop=articleBody] | .detay-foto-editor, .print-etiket, .haber-tags, .share, .ad, .related-news
alhurra.com              | .article-content, .wsw, .body-container, [itemprop=articleBody] | .tags, .related, .share, .ad
arabi21.com              | .article-body, .text, [itemprop=articleBody] | .tags, .related, .share, .ad
alaraby.co.uk            | .article-body, .field-name-body, .article-content, [itemprop=articleBody] | .tags, .related, .share, .ad, .read-also
"""#
