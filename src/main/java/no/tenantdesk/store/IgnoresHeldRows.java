package no.tenantdesk.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a mapper method whose statement neither reads the tables whose rows a {@link WriteBehind} holds (events, mail
 * records, stored contents) nor writes a row they must precede: the held rows need not be written before it. The
 * inserts that give back a new inquiry's or contact's id, so that a batch of mail does not write its held rows
 * once per message.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IgnoresHeldRows {}
