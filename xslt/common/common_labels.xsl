<?xml version="1.0" encoding="UTF-8"?>
<!--
  The words the stylesheets print themselves (labels, headings, tooltips), in English, French,
  German, Spanish, Italian and Russian. Which language: the parameter lang when it is set, else
  the document's (its root's xml:lang, else the header's first language, else its first text's
  xml:lang); a language without labels here gets English.

  A project translates or rewords them by overriding, in a stylesheet that imports teikit's,
  tk:label-sets (every language), tk:labels (the labels in use: one flat map) or tk:label.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:label-sets" as="map(xs:string, map(xs:string, xs:string))" select="map {
    'en': map {
      'apparatus': 'Apparatus',
      'apparatus-ref': 'Variant readings',
      'author': 'Author',
      'authors': 'Authors',
      'backlink': 'Back to the text',
      'backlink-occurrence': 'Back to occurrence',
      'contents': 'Contents',
      'corrected': 'Edited reading',
      'date': 'Date',
      'editor': 'Editor',
      'editorial-note': 'Editor’s note',
      'facsimile': 'Facsimile',
      'first-publication': 'First published',
      'gap': 'text omitted',
      'index': 'Index',
      'letter-to': 'to',
      'licence': 'Licence',
      'mention': 'Mention',
      'names': 'Names',
      'no-entries': 'None named in the works.',
      'notes': 'Notes',
      'omitted': 'om.',
      'orgs': 'Organisations',
      'original': 'Original reading',
      'other': 'Other names',
      'page': 'Page',
      'persons': 'Persons',
      'places': 'Places',
      'publisher': 'Publisher',
      'quotations': 'Quotations',
      'registers': 'Registers',
      'series': 'Series',
      'site-navigation': 'Site',
      'source': 'Source',
      'subtitle': 'Subtitle',
      'title': 'Title',
      'untitled': 'Untitled document',
      'witnesses': 'Witnesses',
      'work': 'Work',
      'works': 'Works'
    },
    'fr': map {
      'apparatus': 'Apparat critique',
      'apparatus-ref': 'Variantes',
      'author': 'Auteur',
      'authors': 'Auteurs',
      'backlink': 'Retour au texte',
      'backlink-occurrence': 'Retour à l’occurrence',
      'contents': 'Sommaire',
      'corrected': 'Leçon corrigée',
      'date': 'Date',
      'editor': 'Éditeur scientifique',
      'editorial-note': 'Note de l’éditeur',
      'facsimile': 'Fac-similé',
      'first-publication': 'Première publication',
      'gap': 'texte omis',
      'index': 'Index',
      'letter-to': 'à',
      'licence': 'Licence',
      'mention': 'Mention',
      'names': 'Noms',
      'no-entries': 'Aucun nom dans les œuvres.',
      'notes': 'Notes',
      'omitted': 'om.',
      'orgs': 'Organisations',
      'original': 'Leçon originale',
      'other': 'Autres noms',
      'page': 'Page',
      'persons': 'Personnes',
      'places': 'Lieux',
      'publisher': 'Éditeur',
      'quotations': 'Citations',
      'registers': 'Registres',
      'series': 'Collection',
      'site-navigation': 'Site',
      'source': 'Source',
      'subtitle': 'Sous-titre',
      'title': 'Titre',
      'untitled': 'Document sans titre',
      'witnesses': 'Témoins',
      'work': 'Œuvre',
      'works': 'Œuvres'
    },
    'de': map {
      'apparatus': 'Apparat',
      'apparatus-ref': 'Varianten',
      'author': 'Autor',
      'authors': 'Autoren',
      'backlink': 'Zurück zum Text',
      'backlink-occurrence': 'Zurück zur Fundstelle',
      'contents': 'Inhalt',
      'corrected': 'Korrigierte Lesart',
      'date': 'Datum',
      'editor': 'Herausgeber',
      'editorial-note': 'Anmerkung des Herausgebers',
      'facsimile': 'Faksimile',
      'first-publication': 'Erstveröffentlichung',
      'gap': 'Text ausgelassen',
      'index': 'Register',
      'letter-to': 'an',
      'licence': 'Lizenz',
      'mention': 'Erwähnung',
      'names': 'Namen',
      'no-entries': 'In den Werken wird niemand genannt.',
      'notes': 'Anmerkungen',
      'omitted': 'fehlt',
      'orgs': 'Organisationen',
      'original': 'Ursprüngliche Lesart',
      'other': 'Andere Namen',
      'page': 'Seite',
      'persons': 'Personen',
      'places': 'Orte',
      'publisher': 'Verlag',
      'quotations': 'Zitate',
      'registers': 'Verzeichnisse',
      'series': 'Reihe',
      'site-navigation': 'Website',
      'source': 'Quelle',
      'subtitle': 'Untertitel',
      'title': 'Titel',
      'untitled': 'Dokument ohne Titel',
      'witnesses': 'Textzeugen',
      'work': 'Werk',
      'works': 'Werke'
    },
    'es': map {
      'apparatus': 'Aparato crítico',
      'apparatus-ref': 'Variantes',
      'author': 'Autor',
      'authors': 'Autores',
      'backlink': 'Volver al texto',
      'backlink-occurrence': 'Volver a la mención',
      'contents': 'Contenido',
      'corrected': 'Lectura corregida',
      'date': 'Fecha',
      'editor': 'Editor',
      'editorial-note': 'Nota del editor',
      'facsimile': 'Facsímil',
      'first-publication': 'Primera publicación',
      'gap': 'texto omitido',
      'index': 'Índice onomástico',
      'letter-to': 'a',
      'licence': 'Licencia',
      'mention': 'Mención',
      'names': 'Nombres',
      'no-entries': 'Las obras no nombran a nadie.',
      'notes': 'Notas',
      'omitted': 'om.',
      'orgs': 'Organizaciones',
      'original': 'Lectura original',
      'other': 'Otros nombres',
      'page': 'Página',
      'persons': 'Personas',
      'places': 'Lugares',
      'publisher': 'Editorial',
      'quotations': 'Citas',
      'registers': 'Registros',
      'series': 'Serie',
      'site-navigation': 'Sitio',
      'source': 'Fuente',
      'subtitle': 'Subtítulo',
      'title': 'Título',
      'untitled': 'Documento sin título',
      'witnesses': 'Testimonios',
      'work': 'Obra',
      'works': 'Obras'
    },
    'it': map {
      'apparatus': 'Apparato critico',
      'apparatus-ref': 'Varianti',
      'author': 'Autore',
      'authors': 'Autori',
      'backlink': 'Torna al testo',
      'backlink-occurrence': 'Torna all’occorrenza',
      'contents': 'Sommario',
      'corrected': 'Lezione corretta',
      'date': 'Data',
      'editor': 'Curatore',
      'editorial-note': 'Nota del curatore',
      'facsimile': 'Facsimile',
      'first-publication': 'Prima pubblicazione',
      'gap': 'testo omesso',
      'index': 'Indice dei nomi',
      'letter-to': 'a',
      'licence': 'Licenza',
      'mention': 'Menzione',
      'names': 'Nomi',
      'no-entries': 'Le opere non nominano nessuno.',
      'notes': 'Note',
      'omitted': 'om.',
      'orgs': 'Organizzazioni',
      'original': 'Lezione originale',
      'other': 'Altri nomi',
      'page': 'Pagina',
      'persons': 'Persone',
      'places': 'Luoghi',
      'publisher': 'Editore',
      'quotations': 'Citazioni',
      'registers': 'Registri',
      'series': 'Collana',
      'site-navigation': 'Sito',
      'source': 'Fonte',
      'subtitle': 'Sottotitolo',
      'title': 'Titolo',
      'untitled': 'Documento senza titolo',
      'witnesses': 'Testimoni',
      'work': 'Opera',
      'works': 'Opere'
    },
    'ru': map {
      'apparatus': 'Критический аппарат',
      'apparatus-ref': 'Разночтения',
      'author': 'Автор',
      'authors': 'Авторы',
      'backlink': 'Назад к тексту',
      'backlink-occurrence': 'Назад к упоминанию',
      'contents': 'Содержание',
      'corrected': 'Исправленное чтение',
      'date': 'Дата',
      'editor': 'Редактор',
      'editorial-note': 'Примечание редактора',
      'facsimile': 'Факсимиле',
      'first-publication': 'Впервые опубликовано',
      'gap': 'текст пропущен',
      'index': 'Указатель',
      'letter-to': '—',
      'licence': 'Лицензия',
      'mention': 'Упоминание',
      'names': 'Имена',
      'no-entries': 'В произведениях никто не назван.',
      'notes': 'Примечания',
      'omitted': 'нет',
      'orgs': 'Организации',
      'original': 'Исходное чтение',
      'other': 'Другие имена',
      'page': 'Страница',
      'persons': 'Лица',
      'places': 'Места',
      'publisher': 'Издатель',
      'quotations': 'Цитаты',
      'registers': 'Перечни',
      'series': 'Серия',
      'site-navigation': 'Сайт',
      'source': 'Источник',
      'subtitle': 'Подзаголовок',
      'title': 'Название',
      'untitled': 'Документ без названия',
      'witnesses': 'Источники текста',
      'work': 'Произведение',
      'works': 'Произведения'
    }
  }"/>

  <!-- ISO 639-2 codes some projects use in xml:lang, as the two-letter codes above. -->
  <xsl:variable name="tk:language-aliases" as="map(xs:string, xs:string)" select="map {
      'eng': 'en', 'fre': 'fr', 'fra': 'fr', 'ger': 'de', 'deu': 'de', 'spa': 'es', 'ita': 'it', 'rus': 'ru'}"/>

  <!-- The primary language of a tag ('fr-CA' gives 'fr', 'ger' gives 'de'). -->
  <xsl:function name="tk:primary-language" as="xs:string">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="primary" select="lower-case(substring-before(normalize-space($tag) || '-', '-'))"/>
    <xsl:sequence select="($tk:language-aliases($primary), $primary)[1]"/>
  </xsl:function>

  <!-- The language a document (or a site summary) says it is in, or ''. -->
  <xsl:function name="tk:document-language" as="xs:string">
    <xsl:param name="root" as="document-node()"/>
    <xsl:variable name="doc" select="$root/*"/>
    <xsl:sequence select="string(($doc/@xml:lang, $doc/@lang,
        ($doc/teiHeader/profileDesc/langUsage/language/@ident)[1], ($doc//text)[1]/@xml:lang)[normalize-space()][1])"/>
  </xsl:function>

  <!-- The language of the labels: the parameter, else the document's; English when there are
       no labels in that language. -->
  <xsl:variable name="tk:label-language" as="xs:string" select="
      let $wanted := tk:primary-language(if (normalize-space($lang)) then $lang else tk:document-language(/))
      return if (map:contains($tk:label-sets, $wanted)) then $wanted else 'en'"/>

  <!-- The labels in use: the label language's, English for any key it lacks. -->
  <xsl:variable name="tk:labels" as="map(xs:string, xs:string)"
      select="map:merge(($tk:label-sets('en'), $tk:label-sets($tk:label-language)), map {'duplicates': 'use-last'})"/>

  <xsl:function name="tk:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($tk:labels($key), $key)[1]"/>
  </xsl:function>

</xsl:stylesheet>
