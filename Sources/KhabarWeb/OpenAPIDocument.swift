/// The JSON API described as OpenAPI 3.1, served at `/api/openapi.json` (DESIGN.md §5). Written by
/// hand next to the routes; `OpenAPITests` fetches every documented GET path and checks each
/// answer against its schema (no missing required field, no undocumented field), so the two stay
/// in step.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Khabar API",
        "version": "1",
        "description": "Read-only JSON for articles, stories, tags, related articles and search; the write side (sources) needs Authorization: Bearer $KHABAR_ADMIN_TOKEN. Dates are RFC 3339 in UTC. Lists are newest first and page with opaque cursors: 'next' passed back as 'before' for older articles, 'newer' passed back as 'after' for newer ones. Article lists leave out articles dated more than a day after the server's clock (misdated), and the counts (articleCount, together) count what the lists show; /api/articles/{id} still returns them. A method a path does not take answers 405 with an Allow header. GET and HEAD answers carry Access-Control-Allow-Origin: * and OPTIONS on those paths is a CORS preflight (GET, HEAD only); the admin endpoints are not opened to other origins."
      },
      "paths": {
        "/api/articles": {
          "get": {
            "summary": "Articles, newest first",
            "parameters": [
              {"name": "source", "in": "query", "description": "Only this source's articles (404 for a source that does not exist, 400 for a value below 1).", "schema": {"type": "integer", "minimum": 1}},
              {"$ref": "#/components/parameters/limit"},
              {"$ref": "#/components/parameters/before"},
              {"$ref": "#/components/parameters/after"}
            ],
            "responses": {
              "200": {"description": "A page of articles (without bodies).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleList"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/articles/{id}": {
          "get": {
            "summary": "One article with its body, tags and attribution",
            "parameters": [{"$ref": "#/components/parameters/articleID"}],
            "responses": {
              "200": {"description": "The article.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/articles/{id}/related": {
          "get": {
            "summary": "Read also, similar articles and the same story from other outlets",
            "description": "Misdated articles are left out as from every list: a story or an outlet whose best article is misdated is shown by its next best.",
            "parameters": [
              {"$ref": "#/components/parameters/articleID"},
              {"name": "limit", "in": "query", "description": "How many similar articles (1-50, default 10).", "schema": {"type": "integer", "minimum": 1, "maximum": 50}}
            ],
            "responses": {
              "200": {"description": "The related articles.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Related"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/stories": {
          "get": {
            "summary": "Top stories: events ranked by the outlets covering them and freshness",
            "description": "A story is listed, ranked and counted by its articles that every list shows: one holding a misdated article is in the list by its others, with their counts, sources and dates. The list is ranked, not dated, so it pages by position in the ranking (the stories of the last 72 hours, at most 400 lines): 'next' passed back as 'before' for the lower-ranked page, 'newer' passed back as 'after' for the higher-ranked one. The ranking moves as news comes in.",
            "parameters": [
              {"name": "limit", "in": "query", "description": "How many stories (1-100, default 50).", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
              {"name": "before", "in": "query", "description": "A 'next' cursor: the stories ranked from this position down.", "schema": {"type": "string"}},
              {"name": "after", "in": "query", "description": "A 'newer' cursor: the stories ranked just above this position.", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"description": "A page of stories, best ranked first.", "content": {"application/json": {"schema": {
                "type": "object", "required": ["stories"],
                "properties": {"stories": {"type": "array", "items": {"$ref": "#/components/schemas/Story"}},
                               "next": {"type": "string", "description": "Pass as 'before' for the next, lower-ranked page."},
                               "newer": {"type": "string", "description": "Pass as 'after' for the previous, higher-ranked page."}}}}}},
              "400": {"$ref": "#/components/responses/BadRequest"}
            }
          }
        },
        "/api/stories/{id}": {
          "get": {
            "summary": "One story with its articles in publication order",
            "description": "Misdated articles are left out as from every list, and the counts, sources and dates are those of the articles listed; a story whose every article is misdated is not found until the clock reaches the first.",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
            "responses": {
              "200": {"description": "The story.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Story"}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/tags": {
          "get": {
            "summary": "The most used tags of a period (the topics directory): the last week unless asked, as on the /tags page",
            "parameters": [
              {"name": "period", "in": "query", "description": "day, week (the default), month or all, back from the newest listed news.", "schema": {"type": "string", "enum": ["day", "week", "month", "all"], "default": "week"}},
              {"name": "type", "in": "query", "description": "Only tags of this type.", "schema": {"type": "string", "enum": ["person", "organization", "country", "place", "outlet", "keyphrase"]}},
              {"name": "limit", "in": "query", "description": "How many tags (1-200, default 30).", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}
            ],
            "responses": {
              "200": {"description": "The tags, most used first; here articleCount counts the news of the period only.", "content": {"application/json": {"schema": {
                "type": "object", "required": ["period", "tags"],
                "properties": {"period": {"type": "string", "enum": ["day", "week", "month", "all"]}, "type": {"type": "string"},
                               "tags": {"type": "array", "items": {"$ref": "#/components/schemas/TagPage"}}}}}}},
              "400": {"$ref": "#/components/responses/BadRequest"}
            }
          }
        },
        "/api/tags/{slug}": {
          "get": {
            "summary": "One tag (كلمات دلالية) with its aliases and articles, newest first",
            "parameters": [
              {"name": "slug", "in": "path", "required": true, "description": "An entity id (russia) or a key phrase's slug.", "schema": {"type": "string"}},
              {"$ref": "#/components/parameters/limit"},
              {"$ref": "#/components/parameters/before"},
              {"$ref": "#/components/parameters/after"}
            ],
            "responses": {
              "200": {"description": "The tag.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TagPage"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/search": {
          "get": {
            "summary": "Arabic-aware search (normalized and stemmed, BM25, exact matches first)",
            "description": "Words are ANDed; when no article has them all, articles with any of them are returned and partialMatch is true. Syntax: \"a phrase\" (also “…” or «…») matches its words adjacent and in order, each in its exact normalized form (harakat, hamza seats, ى/ي and ة/ه do not matter; stopwords inside a phrase count as words); -word and -\"a phrase\" leave out every article containing them (a word in any form a search for it finds, or with a proclitic such as و ب ل written onto it); a OR b (OR in capitals) matches either, and binds tighter than the implicit AND (a b OR c = a AND (b OR c)). A name made with أبو or عبد is found written joined or apart (أبوظبي, أبو ظبي). An unclosed quote runs to the end of the query; an OR with nothing on one side is ignored. A query made only of exclusions searches nothing: total 0 with a note.",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}},
              {"name": "source", "in": "query", "description": "A source id; an unknown one is 404, a value below 1 is 400.", "schema": {"type": "integer", "minimum": 1}},
              {"name": "tag", "in": "query", "description": "A tag's slug (as in /api/tags/{slug}): only articles carrying it; an unknown one is 404.", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "description": "A date (2018-05-01) or time.", "schema": {"type": "string"}},
              {"name": "to", "in": "query", "description": "A date (the whole day counts) or time.", "schema": {"type": "string"}},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
            ],
            "responses": {
              "200": {"description": "Ranked hits.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/sources": {
          "get": {
            "summary": "Every source with its feed's fetch status",
            "responses": {
              "200": {"description": "The sources.", "content": {"application/json": {"schema": {
                "type": "object", "required": ["sources"],
                "properties": {"sources": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}}}}}}}
            }
          },
          "post": {
            "summary": "Add a feed to poll",
            "security": [{"bearer": []}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {
              "type": "object", "required": ["url"],
              "properties": {"url": {"type": "string", "description": "An absolute http(s) feed URL."}, "name": {"type": "string"}}}}}},
            "responses": {
              "201": {"description": "The new source.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Source"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NotAllowed"},
              "403": {"$ref": "#/components/responses/NotAllowed"},
              "413": {"description": "The body is over the limit; the message states it.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          }
        },
        "/api/sources/{id}": {
          "delete": {
            "summary": "Remove a source and its articles (as `khabar sources remove` does)",
            "security": [{"bearer": []}],
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
            "responses": {
              "204": {"description": "Removed."},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NotAllowed"},
              "403": {"$ref": "#/components/responses/NotAllowed"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "parameters": {
          "articleID": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
          "limit": {"name": "limit", "in": "query", "description": "Page size, 1-500.", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
          "before": {"name": "before", "in": "query", "description": "Articles older than this: a 'next' cursor from the previous page, or a date or time (articles published before it).", "schema": {"type": "string"}},
          "after": {"name": "after", "in": "query", "description": "Articles newer than this, the nearest first page's worth, still listed newest first: a 'newer' cursor, or a date. When they reach the newest articles the answer is the first page. Not with 'before'.", "schema": {"type": "string"}}
        },
        "responses": {
          "BadRequest": {"description": "A parameter is invalid; the message names it.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such item.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotAllowed": {"description": "The admin token is missing, wrong, or the admin API is disabled.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
          "Feed": {
            "type": "object", "required": ["url", "pollIntervalSeconds"],
            "properties": {
              "url": {"type": "string"}, "lastFetch": {"type": "string", "format": "date-time"},
              "lastStatus": {"type": "integer"}, "lastError": {"type": "string"},
              "nextPoll": {"type": "string", "format": "date-time"}, "pollIntervalSeconds": {"type": "integer"}
            }
          },
          "Source": {
            "type": "object", "required": ["id", "name"],
            "properties": {
              "id": {"type": "integer"}, "name": {"type": "string", "description": "The name the source is stored under (its identity): an import's source field or a feed's title."},
              "displayName": {"type": "string", "description": "The outlet's Arabic name, as pages and feeds show it, when the gazetteer knows the outlet (by the whole name or by its domain); absent otherwise."},
              "domain": {"type": "string"},
              "articleCount": {"type": "integer", "description": "The articles the source's list shows (misdated ones left out)."},
              "feed": {"$ref": "#/components/schemas/Feed"}
            }
          },
          "Tag": {
            "type": "object", "required": ["slug", "name", "type", "score"],
            "properties": {
              "slug": {"type": "string"}, "name": {"type": "string"},
              "type": {"type": "string", "enum": ["person", "country", "place", "organization", "outlet", "keyphrase"]},
              "score": {"type": "number", "description": "Salience within the article."}
            }
          },
          "Credit": {
            "type": "object", "required": ["name", "role"],
            "properties": {
              "name": {"type": "string"},
              "role": {"type": "string", "enum": ["agency", "channel", "newspaper", "site", "radio", "outlet", "correspondent", "dateline"]},
              "entity": {"type": "string", "description": "Gazetteer id of a known outlet or place."},
              "relayed": {"type": "boolean", "description": "Present and true when the next credit quoted this one (the source reached the text through it)."}
            }
          },
          "Attribution": {
            "type": "object", "required": ["credits"],
            "properties": {
              "outlet": {"type": "string"},
              "credits": {"type": "array", "description": "From the original source to the last relay.", "items": {"$ref": "#/components/schemas/Credit"}}
            }
          },
          "Article": {
            "type": "object", "required": ["id", "title", "url", "published", "source", "stage"],
            "properties": {
              "id": {"type": "string"}, "title": {"type": "string"},
              "body": {"type": "string", "description": "Plain text, paragraphs separated by line breaks; only in single-article answers."},
              "summary": {"type": "string"}, "author": {"type": "string"}, "url": {"type": "string"},
              "published": {"type": "string", "format": "date-time"},
              "category": {"type": "string"}, "categoryAr": {"type": "string"},
              "source": {"$ref": "#/components/schemas/Source"},
              "stage": {"type": "string", "description": "How far the pipeline has carried the article."},
              "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}},
              "attribution": {"$ref": "#/components/schemas/Attribution"},
              "story": {"type": "integer"}
            }
          },
          "ArticleList": {
            "type": "object", "required": ["articles"],
            "properties": {
              "articles": {"type": "array", "items": {"$ref": "#/components/schemas/Article"}},
              "next": {"type": "string", "description": "Pass as 'before' for the next, older page."},
              "newer": {"type": "string", "description": "Pass as 'after' for the previous, newer page."}
            }
          },
          "RelatedItem": {
            "type": "object", "required": ["id", "title", "source", "published", "score"],
            "properties": {
              "id": {"type": "string"}, "title": {"type": "string"}, "source": {"type": "string"},
              "published": {"type": "string", "format": "date-time"}, "score": {"type": "number"}
            }
          },
          "Related": {
            "type": "object", "required": ["id", "similar", "sameStory"],
            "properties": {
              "id": {"type": "string"}, "readAlso": {"$ref": "#/components/schemas/RelatedItem"},
              "similar": {"type": "array", "items": {"$ref": "#/components/schemas/RelatedItem"}},
              "sameStory": {"type": "array", "items": {"$ref": "#/components/schemas/RelatedItem"}}
            }
          },
          "StoryArticle": {
            "type": "object", "required": ["id", "title", "source", "published"],
            "properties": {
              "id": {"type": "string"}, "title": {"type": "string"}, "source": {"type": "string"},
              "published": {"type": "string", "format": "date-time"},
              "duplicateOf": {"type": "string", "description": "The article this one copies."},
              "alsoDuplicateOf": {"type": "array", "items": {"type": "string"}}
            }
          },
          "Story": {
            "type": "object", "required": ["id", "title", "primary", "first", "last", "articleCount", "sourceCount", "sources"],
            "properties": {
              "id": {"type": "integer"}, "title": {"type": "string", "description": "The headline article's title."},
              "primary": {"type": "integer", "description": "Internal sequence number of the story's first article (the one marked first in articles)."},
              "headline": {"type": "string", "description": "Id of the article whose title heads the story: the one that says most of what the others say."},
              "first": {"type": "string", "format": "date-time"}, "last": {"type": "string", "format": "date-time"},
              "articleCount": {"type": "integer"}, "sourceCount": {"type": "integer"},
              "sources": {"type": "array", "items": {"type": "string"}},
              "articles": {"type": "array", "items": {"$ref": "#/components/schemas/StoryArticle"}},
              "developments": {"type": "array", "items": {"type": "integer"}, "description": "On /api/stories only: ids of lower-ranked stories of the same developing event (an offensive or a crisis lasting days makes one story per day or two), listed here instead of on their own."}
            }
          },
          "TagPage": {
            "type": "object", "required": ["slug", "name", "type", "articleCount"],
            "properties": {
              "slug": {"type": "string"}, "name": {"type": "string"}, "type": {"type": "string"},
              "aliases": {"type": "array", "items": {"type": "string"}, "description": "Other ways to write the name (not adjectives or metonyms): the gazetteer's, then the other spellings the tag's articles give it."},
              "articleCount": {"type": "integer", "description": "Articles carrying the tag, misdated ones left out as from the lists: all the others on /api/tags/{slug}, the period's on /api/tags."},
              "articles": {"type": "array", "items": {"$ref": "#/components/schemas/Article"}},
              "next": {"type": "string", "description": "Pass as 'before' for older articles."},
              "newer": {"type": "string", "description": "Pass as 'after' for newer articles."},
              "related": {"type": "array", "description": "Tags most tied to this one, by shared articles.", "items": {
                "type": "object", "required": ["slug", "name", "type", "together"],
                "properties": {"slug": {"type": "string"}, "name": {"type": "string"}, "type": {"type": "string"},
                               "together": {"type": "integer", "description": "Articles carrying both tags (misdated ones left out)."}}}}
            }
          },
          "SearchHit": {
            "type": "object", "required": ["id", "title", "source", "published", "score", "snippet", "snippetHTML"],
            "properties": {
              "id": {"type": "string"}, "title": {"type": "string"}, "source": {"type": "string"},
              "published": {"type": "string", "format": "date-time"}, "score": {"type": "number"},
              "snippet": {"type": "string"}, "snippetHTML": {"type": "string", "description": "Escaped, with <mark> around matches."},
              "copies": {"type": "array", "items": {"type": "string"}, "description": "Ids of the matching articles folded into this hit: copies under its headline (near-duplicates of another outlet, or the outlet's own repeats). Absent when none."}
            }
          },
          "SearchResult": {
            "type": "object", "required": ["query", "total", "partialMatch", "hits"],
            "properties": {
              "query": {"type": "string"}, "total": {"type": "integer", "description": "Hits: matching articles, copies under one headline counted once."},
              "folded": {"type": "integer", "description": "Matching articles folded into another hit (listed in its copies): total + folded articles matched."},
              "partialMatch": {"type": "boolean", "description": "Not every word matched."},
              "note": {"type": "string", "description": "Why nothing was searched (the query only excludes, or has no searchable word); absent when it was."},
              "hits": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}}
            }
          }
        }
      }
    }
    """#
}
