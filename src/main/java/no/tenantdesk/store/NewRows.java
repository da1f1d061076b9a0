package no.tenantdesk.store;

/**
 * A new contact or inquiry that fetch-mail files: held back with the batch's other rows under an id reserved for it
 * where the transaction holds rows and the database hands ids out ahead ({@link WriteBehind}), else inserted now.
 * The id either way.
 */
public final class NewRows {

    private NewRows() {}

    public static long contact(Tx tx, ContactMapper.NewContact contact) {
        Long held = tx.behind() == null ? null : tx.behind().contact(contact);
        return held != null ? held : tx.mapper(ContactMapper.class).insert(contact);
    }

    public static long inquiry(Tx tx, InquiryMapper.NewInquiry inquiry) {
        Long held = tx.behind() == null ? null : tx.behind().inquiry(inquiry);
        return held != null ? held : tx.mapper(InquiryMapper.class).insert(inquiry);
    }
}
