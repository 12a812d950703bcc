package jp.hoshimi.organisation;

/** A buying company or one of its departments; {@code parentId} is null for the group's companies. */
public record OrgUnit(long id, Long parentId, String code, String name) {}
