package jp.hoshimi.outreach;

/** A letter as the supplier will read it: subject and text (the template's preview). */
public record Letter(String subject, String text) {}
