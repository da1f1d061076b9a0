package no.tenantdesk.cli;

/** Lets the person at the terminal write a longer text in their own editor, as git commit does. */
public interface Editor {

    /** The text as the person saved it, starting from the template. */
    String edit(String template);
}
