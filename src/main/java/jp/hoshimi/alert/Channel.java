package jp.hoshimi.alert;

/** Where an alert goes besides the notification centre, which every recipient has. */
public enum Channel {
    EMAIL,
    WEBHOOK
}
