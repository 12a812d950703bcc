/**
 * Where register data comes from: fetching a register feed (HTTP or a file) into a complete, checked
 * body on disk, and parsing that body into validated {@link jp.hoshimi.register.source.FeedEntry}s.
 *
 * <p>Plain classes, no Spring, no database: the register sync builds on {@link
 * jp.hoshimi.register.source.RegisterSource#fetch} and {@link jp.hoshimi.register.source.FeedParser#parse}.
 * Every failure is a {@link jp.hoshimi.register.source.RegisterSourceException} with a reason and a
 * detail in plain words; a failed fetch or parse never yields partial data. Design notes:
 * docs/decisions/0007-register-sources.md.
 */
package jp.hoshimi.register.source;
