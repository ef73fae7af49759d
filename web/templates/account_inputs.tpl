{{%AUTOESCAPE context="HTML"}}<fieldset class="field{{#ROLES_HAS_ERROR}} has-error{{/ROLES_HAS_ERROR}}" id="f-roles"><legend>نقش‌ها</legend>
{{#ROLES_HAS_ERROR}}<span class="error-message">{{ROLES_ERROR}}</span>{{/ROLES_HAS_ERROR}}
{{#ROLE}}<label class="checkbox"><input type="checkbox" name="role" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}} <span class="hint">{{SCOPE}}</span></label>{{/ROLE}}
</fieldset>
<div class="field{{#MUNICIPALITY_HAS_ERROR}} has-error{{/MUNICIPALITY_HAS_ERROR}}"><label for="f-municipality">شهر <span class="hint">برای نقش‌های کمیته خالی بماند</span></label>{{#MUNICIPALITY_HAS_ERROR}}<span class="error-message">{{MUNICIPALITY_ERROR}}</span>{{/MUNICIPALITY_HAS_ERROR}}<select id="f-municipality" name="municipality"><option value="">کمیته (بی‌شهر)</option>{{#CITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_CHOICE}}</select></div>
