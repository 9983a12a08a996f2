package com.souq.commerce.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every event that carries a person's data seals it: an address (or list of addresses) in an event is marked
 * {@link PersonalData}, an account's name, email and phone are too, and an event with personal data names its person
 * ({@link DataSubject}) exactly once. A new event that forgets would write its person's address into the store in the
 * clear, where erasure can never reach it.
 */
class PersonalDataInEventsTest {

    private static final Set<String> ACCOUNT_TEXTS = Set.of("email", "displayName", "phone");

    private static final List<Class<?>> EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.souq.commerce").stream()
            .filter(type -> type.getPackageName().endsWith(".api") && type.getSimpleName().endsWith("Event"))
            .map(JavaClass::reflect)
            .filter(Class::isRecord)
            .toList();

    @Test
    void everyEventHoldingAnAddressSealsItAndNamesItsPerson() {
        assertThat(EVENTS).hasSizeGreaterThan(50);
        List<String> unsealed = new ArrayList<>();
        for (Class<?> event : EVENTS) {
            for (RecordComponent component : event.getRecordComponents()) {
                boolean personal = component.isAnnotationPresent(PersonalData.class);
                boolean holdsPersonalRecord = holdsPersonalTexts(heldType(component));
                boolean accountText = event.getPackageName().endsWith(".account.api")
                        && ACCOUNT_TEXTS.contains(component.getName());
                if ((holdsPersonalRecord || accountText) && !personal) {
                    unsealed.add(event.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(unsealed).as("personal data written in the clear").isEmpty();
    }

    @Test
    void everyEventWithPersonalDataNamesExactlyOnePerson() {
        List<String> withoutPerson = new ArrayList<>();
        for (Class<?> event : EVENTS) {
            RecordComponent[] components = event.getRecordComponents();
            boolean personal = Arrays.stream(components).anyMatch(c -> c.isAnnotationPresent(PersonalData.class));
            long subjects = Arrays.stream(components).filter(c -> c.isAnnotationPresent(DataSubject.class)).count();
            if (personal ? subjects != 1 : subjects != 0) {
                withoutPerson.add(event.getSimpleName() + " (" + subjects + " data subjects)");
            }
        }
        assertThat(withoutPerson).isEmpty();
    }

    private static boolean holdsPersonalTexts(Class<?> type) {
        return type != null && type.isRecord() && Arrays.stream(type.getRecordComponents())
                .anyMatch(component -> component.isAnnotationPresent(PersonalData.class));
    }

    private static Class<?> heldType(RecordComponent component) {
        if (!Collection.class.isAssignableFrom(component.getType())) {
            return component.getType();
        }
        return component.getGenericType() instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element ? element : null;
    }
}
