"""Names found from the text itself (no lists): shapes, titles, cues, gazetteers, context.

The texts are made up for the tests; none comes from the evaluation texts.
"""

from __future__ import annotations

import socket

import pytest

from name_helpers import NS, convert, empty_lists, entity_of, names  # noqa: F401 (fixture)


def test_titles_initials_and_full_names_are_persons_and_share_one_entry(empty_lists):
    text = ("Yesterday Mr. Halloran came to see me. He had met Sir Walter Penhale in the market, "
            "and W. Penhale had told him the news. Later Halloran wrote to Penhale about it.")
    doc, root = convert(text, empty_lists)
    persons = names(root, "persName")
    assert "Mr. Halloran" in persons and "Sir Walter Penhale" in persons and "W. Penhale" in persons
    assert persons.count("Halloran") == 1 and persons.count("Penhale") == 1
    refs = {p.text: p.get("ref") for p in root.iterfind(".//t:text//t:persName", NS)}
    assert refs["Halloran"] == refs["Mr. Halloran"]
    assert refs["Penhale"] == refs["Sir Walter Penhale"] == refs["W. Penhale"]
    assert "Yesterday" not in " ".join(persons) and "Later" not in " ".join(persons)


def test_sentence_initial_and_common_capitalised_words_are_not_names(empty_lists):
    text = ("Hundreds of men waited. But nobody came. The Jubilee celebrations were over, and the "
            "Five Year Plan was announced. Thus the matter ended.")
    _, root = convert(text, empty_lists)
    assert root.find(".//t:text//t:persName", NS) is None
    assert root.find(".//t:text//t:placeName", NS) is None


def test_gazetteer_places_get_entries_with_geonames_ids(empty_lists):
    _, root = convert("The delegates travelled from Tashkent to Moscow, and then to Germany.", empty_lists)
    assert names(root, "placeName") == ["Tashkent", "Moscow", "Germany"]
    moscow = root.find(".//t:text//t:placeName[.='Moscow']", NS)
    entry = entity_of(root, moscow)
    assert entry.tag.endswith("place")
    assert entry.findtext("t:idno[@type='GeoNames']", namespaces=NS) == "524901"
    assert entry.get("sameAs") == "https://sws.geonames.org/524901/"
    assert entry.find("t:location/t:geo", NS) is not None


def test_cues_give_the_kind_of_an_unknown_name(empty_lists):
    text = ("I was sent to the city of Zarnovka. The chief of the section, Brodsky by name, questioned me; "
            "then comrade Vellan was sent there too.")
    _, root = convert(text, empty_lists)
    assert names(root, "placeName") == ["Zarnovka"]
    assert set(names(root, "persName")) == {"Brodsky", "Vellan"}
    for element in root.iterfind(".//t:text//t:persName", NS):
        assert element.get("cert") in ("low", "medium", "high")
        assert element.get("resp", "").endswith("-teikit")


def test_dotted_abbreviations_are_organisations_or_places(empty_lists):
    _, root = convert("He was arrested by the G.P.U. and sent back to the U.S.S.R. in chains.", empty_lists)
    assert names(root, "orgName") == ["G.P.U."]
    assert names(root, "placeName") == ["U.S.S.R."]


def test_organisation_keywords_make_organisations(empty_lists):
    _, root = convert("The Central Committee wrote to the General Council of British Trade Unions.", empty_lists)
    assert names(root, "orgName") == ["Central Committee", "General Council of British Trade Unions"]


def test_context_resolves_a_person_who_is_also_a_town(empty_lists):
    person = "In 1889 Engels wrote a letter; but, says Engels, terror was a war measure. Engels himself said so."
    town = "We were sent to the town of Engels on the Volga, far from the city of Engels's admirers."
    _, root = convert(person, empty_lists)
    assert names(root, "persName") == ["Engels", "Engels", "Engels"]
    _, root = convert(town, empty_lists)
    assert "Engels" in names(root, "placeName")


def test_a_dictionary_word_the_text_uses_only_as_a_name_is_one(empty_lists):
    story = ("The twins adored Thimble. On cold nights I let Thimble sleep by the stove, and Thimble’s basket "
             "stood beside it. Good Thimble! Nothing ever frightened Thimble except thunder.")
    _, root = convert(story, empty_lists)
    assert names(root, "persName").count("Thimble") >= 4
    # the same word in lower case elsewhere is an ordinary word; so is one after an article
    _, root = convert(story + " Grandmother lost her silver thimble.", empty_lists)
    assert "Thimble" not in names(root, "persName")
    _, root = convert("The Party met. We joined the Party, and the Party’s line changed. Dear Party! "
                      "Nobody trusted the Party.", empty_lists)
    assert "Party" not in names(root, "persName")


def test_generic_plurals_of_a_persons_name_are_rs(empty_lists):
    text = ("Comrade Tarkov was arrested. Tarkov spent years in prison, and all the Tarkovs of the "
            "Opposition with him; other Tarkovs were shot.")
    _, root = convert(text, empty_lists)
    assert names(root, "rs") == ["all the Tarkovs", "other Tarkovs"]
    assert all(rs.get("type") == "person" and rs.get("ref") is None
               for rs in root.iterfind(".//t:text//t:rs", NS))
    assert "Tarkovs" not in names(root, "persName")


def test_every_ref_resolves_inside_the_file_and_entries_say_how_sure(empty_lists):
    text = "Mr. Quellin met Dr. Arbuthnot in Vienna. Arbuthnot and Quellin went on to Prague."
    _, root = convert(text, empty_lists)
    for element in root.iterfind(".//t:text//*[@ref]", NS):
        entry = entity_of(root, element)
        assert entry.getparent().tag.split("}")[1] in ("listPerson", "listPlace", "listOrg")
    new = [e for e in root.iterfind(".//t:standOff//t:person", NS)]
    assert new and all(e.find("t:idno", NS) is None and e.get("cert") for e in new)


def test_a_name_found_in_the_text_only_is_reviewed_as_new(empty_lists):
    doc, _ = convert("The letter of Mr. Quellin reached Vienna in March.", empty_lists)
    items = {item.text: item for item in doc.review if item.category == "name"}
    assert items["Mr. Quellin"].data["entry"] == "new" and items["Mr. Quellin"].data["type"] == "persName"
    assert items["Vienna"].data["entry"].startswith("GeoNames ")
    assert "Quellin" in items["Mr. Quellin"].data["context"] and items["Vienna"].data["count"] == "1"


def test_recognition_never_uses_the_network(empty_lists, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("teikit tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    _, root = convert("Mr. Quellin travelled from Paris to Berlin with the G.P.U. on his heels.", empty_lists)
    assert names(root, "placeName") == ["Paris", "Berlin"]


@pytest.mark.parametrize("text", ["", "x", "’s", "Mr.", "Mr. .", "the Tarovs", "U.S.S.R.", "A. B. C. D."])
def test_odd_inputs_convert(text, empty_lists):
    if text.strip():
        convert(text, empty_lists)


def test_places_in_french_prose_are_found_from_the_gazetteer(empty_lists):
    text = ("Le procès s’est terminé comme on pouvait le prévoir. Il vivait alors à Oslo, loin de Moscou, "
            "et il écrivait chaque semaine à ses amis de Prague.")
    _, root = convert(text, empty_lists)
    assert names(root, "placeName") == ["Oslo", "Moscou", "Prague"]


def test_a_sentence_may_open_with_a_given_name_that_is_also_a_word(empty_lists):
    _, root = convert("A grouping appeared in the party. Martin Abern had led it for years. "
                      "Grace came later. Frank Tillotson joined them.", empty_lists)
    persons = names(root, "persName")
    assert "Martin Abern" in persons and "Frank Tillotson" in persons
    assert "Grace" not in persons  # alone at a sentence start, a word like any other


def test_a_title_or_a_given_name_beats_a_keyword_of_places(empty_lists):
    _, root = convert("The new doctor, Mr. Hall, took rooms above the bank. Dr. Ellen Marsh called on Mr. Hall "
                      "at noon, and Capt. Moor carried her bag.", empty_lists)
    persons = names(root, "persName")
    assert {"Mr. Hall", "Dr. Ellen Marsh", "Capt. Moor"} <= set(persons)
    assert not {"Mr. Hall", "Dr. Ellen Marsh", "Capt. Moor", "Hall", "Marsh", "Moor"} & set(names(root, "placeName"))


def test_a_designation_the_text_uses_as_a_name_is_a_person(empty_lists):
    story = ("The guests sat down. “Nonsense,” said the Night Porter, and lit his pipe. The Magistrate frowned, "
             "and the Night Porter laughed. “You doubt me,” said the Magistrate. “I do,” replied the Night Porter. "
             "The Magistrate’s coat hung by the door; “Go home,” said the Magistrate, but the Night Porter stayed.")
    _, root = convert(story, empty_lists)
    persons = names(root, "persName")
    assert persons.count("Night Porter") >= 3 and persons.count("Magistrate") >= 3
    # the same word in lower case elsewhere is an ordinary word
    _, root = convert(story + " A magistrate is only a man.", empty_lists)
    assert "Magistrate" not in names(root, "persName")


def test_a_name_decided_elsewhere_is_not_tagged_inside_a_longer_run(empty_lists):
    _, root = convert("Mr. Baker won the race, and Baker was cheered. The Baker Prize stood on the table, and "
                      "nobody asked Baker about it.", empty_lists)
    assert names(root, "persName") == ["Mr. Baker", "Baker", "Baker"]


def test_the_plural_of_a_family_name_is_the_family(empty_lists):
    _, root = convert("Mrs. Pellow called at noon. The Pellows keep the mill, and we dined with the Pellows on "
                      "Sunday.", empty_lists)
    families = root.findall(".//t:text//t:persName[@type='family']", NS)
    assert ["".join(f.itertext()) for f in families] == ["Pellows", "Pellows"]
    assert all(f.get("ref") is None and f.get("cert") for f in families)
    assert names(root, "rs") == []


def test_saints_churches_hotels_and_possessive_streets_are_places(empty_lists):
    _, root = convert("We heard the bells of St. Anne’s, slept at the Crown Hotel in Martin’s Lane, and walked "
                      "up Coldharbour Yard. St. Anne was a good saint.", empty_lists)
    places = names(root, "placeName")
    assert {"St. Anne’s", "Crown Hotel", "Martin’s Lane", "Coldharbour Yard"} <= set(places)
    assert "St. Anne" in names(root, "persName")


def test_a_very_common_word_is_no_place_on_prepositions_alone(empty_lists):
    _, root = convert("They travelled in Time, and through Time, and out of Time again, and back to Time.",
                      empty_lists)
    assert "Time" not in names(root, "placeName")


def test_a_diary_s_capitalised_verbs_and_abbreviations_name_nobody(empty_lists):
    _, root = convert("Tues. 4th. Walked to the mill before breakfast. Supped with the Vicar. Aft. rain. Wed. fine "
                      "again. Morn. cold. Rode over to see the hay. Eve. calm.", empty_lists)
    assert names(root, "persName") == [] and names(root, "placeName") == []


def test_a_title_before_initials_alone_names_a_person(empty_lists):
    _, root = convert("Mrs. K. called at four, and Lady A. B. stayed to dinner.", empty_lists)
    assert names(root, "persName") == ["Mrs. K.", "Lady A. B."]


def test_ships_and_newspapers_are_left_unmarked(empty_lists):
    _, root = convert("The Resolute sailed at dawn, and the Evening Courier printed the news; we read it in the "
                      "Western Gazette too.", empty_lists)
    assert names(root, "persName") == [] and names(root, "placeName") == []


def test_a_person_s_name_before_a_building_is_a_place_and_adjectives_from_names_are_no_names(empty_lists):
    _, root = convert("Mr. Pemberton lived at Pemberton Court for forty years. I was reading Ashby’s book on the "
                      "marshes, which the Pembertonian school disliked.", empty_lists)
    assert "Pemberton Court" in names(root, "placeName")
    assert {"Mr. Pemberton", "Ashby"} <= set(names(root, "persName"))
    assert not [n for n in names(root, "persName") + names(root, "placeName") if "Pembertonian" in n]
