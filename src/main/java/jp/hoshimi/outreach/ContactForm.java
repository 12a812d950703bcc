package jp.hoshimi.outreach;

/** A contact as entered on the supplier page or sent over REST. */
public record ContactForm(String name, String department, String email, String phone, boolean primary) {}
